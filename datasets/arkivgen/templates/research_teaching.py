"""科研教学类: research projects, papers, ethics, teaching plans and training records."""

from ..fields import EDUCATION, TITLES_MED
from . import template

TOPICS = ["基于真实世界数据的2型糖尿病患者血糖管理效果研究", "社区获得性肺炎抗菌药物合理使用干预研究",
          "老年髋部骨折围手术期多学科协作模式探索", "急性缺血性脑卒中静脉溶栓时间窗优化研究",
          "慢性心力衰竭患者远程随访管理的随机对照试验", "胃癌根治术后加速康复外科护理路径研究",
          "基于深度学习的胸部CT肺结节自动检测", "ICU呼吸机相关性肺炎集束化预防措施评价",
          "妊娠期糖尿病孕妇营养干预研究", "儿童支气管哮喘吸入治疗依从性研究"]
SPECIAL_TOPICS = ["HIV感染者抗病毒治疗依从性队列研究", "梅毒血清固定患者免疫学特征研究",
                  "首发精神分裂症患者认知功能随访研究", "青少年抑郁障碍危险因素病例对照研究",
                  "遗传性乳腺癌家系BRCA基因筛查研究", "反复种植失败患者胚胎移植策略研究",
                  "地中海贫血高发地区孕前基因筛查研究"]
COURSES = ["内科学", "外科学", "诊断学", "急诊医学", "医学影像学", "护理学基础", "临床药理学", "医患沟通",
           "循证医学", "医学伦理学", "心肺复苏技能", "无菌技术操作"]


@template("research_teaching", "ethics_approval", {"S2": 2, "S5": 2})
def ethics_approval(g, d):
    topic = g.pick(SPECIAL_TOPICS if g.restricted else TOPICS)
    d.center(g.hosp["name"], scale=1.2)
    d.title("医学伦理委员会审查批件")
    d.right(f"批件号：{g.hosp['short']}伦审〔{g.year}〕{g.pick(['科研', '临床'])}第{g.num(1, 160):03d}号")
    rows = [["项目名称", topic], ["项目来源", g.pick(["国家自然科学基金", "省卫生健康委科研项目", "院级科研基金", "企业合作"])],
            ["审查类别", g.pick(["初始审查", "修正案审查", "年度/定期跟踪审查"])],
            ["审查方式", g.pick(["会议审查", "快速审查"])], ["审查日期", g.d(g.day())]]
    d.table(None, rows)
    d.para("经本委员会审查，该项目研究方案设计科学，知情同意书内容完整、表述清楚，受试者风险与受益比合理，"
           "符合《涉及人的生物医学研究伦理审查办法》要求。审查意见：" + g.pick(["同意", "修改后同意", "同意"]) + "。")
    if g.restricted:
        d.para("特别要求：本研究涉及" + g.pick(["HIV感染者", "精神障碍患者", "遗传信息", "辅助生殖"]) +
               "等敏感信息，研究数据须去标识化处理，纸质资料专柜加锁保存，不得向无关人员透露受试者身份。")
    d.para(f"请严格按照批准的方案开展研究，每{g.pick(['6个月', '12个月'])}提交一次研究进展报告；发生严重不良事件须及时报告。")
    g.sign_date(d, "伦理委员会（章）", dept="伦理委员会")


@template("research_teaching", "teaching_plan", {"S2": 1})
def teaching_plan(g, d):
    course = g.pick(COURSES)
    d.title(f"{g.year}—{g.year + 1}学年{g.pick(['第一', '第二'])}学期《{course}》教学进度计划", scale=1.3)
    d.kv([("授课对象", g.pick(["临床医学五年制", "护理学本科", "规培住院医师", "进修医师"])),
          ("总学时", f"{g.num(24, 72)}学时"), ("教研室", g.f.dept() + "教研室"),
          ("教材", f"《{course}》第{g.num(7, 10)}版")], cols=2)
    rows = []
    for wk in range(1, g.num(8, 16) + 1):
        rows.append([f"第{wk}周", g.pick(["理论", "见习", "技能", "讨论"]), f"{course}" + g.pick(["概论", "常见病诊治", "病例讨论", "操作训练", "进展"]) + f"（{wk}）",
                     f"{g.pick([2, 2, 3, 4])}", g.pick(["多媒体", "PBL", "床旁教学", "模拟训练"])])
    d.table(["周次", "类型", "教学内容", "学时", "教学方法"], rows)
    d.para("考核方式：" + g.pick(["平时成绩30%+期末理论考试70%", "技能考核40%+理论考试60%", "出科考核+OSCE"]) + "。")
    d.sign(["教研室主任（签字）：", "教学管理部门审核：", g.d(g.day())])


@template("research_teaching", "trainee_roster", {"S3": 1})
def trainee_roster(g, d):
    d.title(f"{g.year}年度{g.pick(['住院医师规范化培训', '进修医师', '新入职护士岗前培训', '实习学生'])}人员名册", scale=1.3)
    d.right("填报单位：" + g.pick(["教育处", "科教科", "护理部"]))
    rows = []
    for k in range(1, g.num(8, 22) + 1):
        sex = g.f.sex()
        rows.append([str(k), g.pn(), sex, g.pick(EDUCATION), g.f.dept(), g.pphone(True),
                     g.pick(["", "", g.pid(sex=sex)])])
    d.table(["序号", "姓名", "性别", "学历", "轮转科室", "手机号码", "身份证号"], rows, size=0.82)
    d.left("注：名册信息仅用于培训管理，请勿外传。", scale=0.85)


@template("research_teaching", "case_report", {"S4": 3, "S5": 1})
def case_report(g, d):
    p = g.patient(18, 85)
    dx = g.f.diagnosis(True if g.restricted else False)
    d.body_category = "medical"
    d.title(g.pick(["疑难病例讨论记录", "病例报告", "临床病例讨论记录"]), scale=1.4)
    d.kv([("讨论日期", g.d(g.day())), ("地点", g.pick(["示教室", "科室会议室", "学术报告厅"])),
          ("主持人", g.pn()), ("记录人", g.pn())], cols=2)
    d.kv([("患者", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("住院号", g.pmrn())], cols=4)
    d.heading("病例摘要：")
    d.para(f"患者因“{dx[4]}”入院，入院后诊断为{dx[0]}。完善相关检查，"
           f"{g.pick(['治疗效果欠佳', '病情反复', '出现并发症'])}，为进一步明确诊疗方案，组织本次讨论，并作为规培教学病例。")
    d.heading("讨论意见：")
    for _ in range(g.num(2, 4)):
        d.para(g.pn(), g.pick(TITLES_MED) + "：" + g.pick([
            "诊断基本明确，建议完善相关检查排除其他疾病。", "建议调整治疗方案，密切监测不良反应。",
            "应加强多学科协作，关注患者心理状态。", "可参考最新指南推荐，制订个体化方案。"]))
    d.heading("教学要点：")
    d.para(g.pick(["掌握本病的诊断标准与鉴别诊断。", "熟悉治疗原则及随访要求。", "了解本病的最新研究进展。"]))


@template("research_teaching", "project_application", {"S2": 2, "S3": 2})
def project_application(g, d):
    topic = g.pick(TOPICS)
    d.title(g.pick(["院级科研项目申报书", "科研课题立项申请表", "新技术新项目申请表"]), scale=1.4)
    rows = [["项目名称", topic], ["申报科室", g.f.dept()], ["研究期限", f"{g.year}年1月至{g.year + g.num(1, 3)}年12月"],
            ["申请经费", f"{g.num(2, 30)}万元"]]
    if g.level == "S3":
        rows += [["负责人", g.pn()], ["职称", g.pick(TITLES_MED)], ["手机", g.pphone(True)], ["电子邮箱", g.pemail()]]
    d.table(None, rows)
    d.heading("一、立项依据")
    d.para(f"{topic.split('的')[0]}是临床工作中的重点和难点，国内外已有研究表明规范化干预可改善患者结局，"
           "但本地区相关研究较少，缺乏系统评价。")
    d.heading("二、研究内容与技术路线")
    d.para(g.pick(["采用回顾性队列研究设计，纳入近三年住院病例，比较不同干预措施的效果。",
                   "采用前瞻性随机对照设计，按1:1随机分为干预组和对照组，主要结局指标为30天再入院率。",
                   "建立标准化数据库，采用多因素logistic回归分析影响因素。"]))
    d.heading("三、预期成果")
    d.para(f"发表核心期刊论文{g.num(1, 3)}篇，形成诊疗规范1项，培养研究生{g.num(1, 2)}名。")
    d.sign(["科室意见：同意申报", "科研处审核：", g.d(g.day())])


@template("research_teaching", "paper_abstract", {"S1": 1}, en=True)
def paper_abstract(g, d):
    topic = g.pick(TOPICS)
    authors = [g.f.en_name() if g.en else g.f.name() for _ in range(g.num(3, 6))]
    if g.en:
        d.title(g.pick(["Effect of a multidisciplinary pathway on outcomes of elderly hip fracture patients",
                        "Deep learning for automated pulmonary nodule detection on chest CT",
                        "Remote follow-up management of chronic heart failure: a randomized trial"]), scale=1.25)
        d.center(", ".join(authors))
        d.center(f"Department of {g.pick(['Cardiology', 'Orthopedics', 'Radiology', 'Nursing'])}, the hospital")
        d.heading("Abstract")
        d.para(f"Objective: To evaluate the effect of the intervention. Methods: A total of {g.num(80, 900)} patients were "
               f"enrolled between {g.year - 2} and {g.year}. Results: The primary outcome improved significantly "
               f"(P<0.05). Conclusion: The approach is feasible and effective.", indent=0)
        d.left("Keywords: " + g.pick(["hip fracture; multidisciplinary care", "deep learning; CT", "heart failure; telemedicine"]))
        d.left(f"Published in: Chinese Journal of Clinical Medicine, {g.year}, {g.num(10, 60)}({g.num(1, 12)}): {g.num(100, 900)}-{g.num(901, 999)}.", scale=0.9)
        return
    d.title(topic, scale=1.3)
    d.center("  ".join(authors))
    d.center(f"（{g.hosp['name']}{g.f.dept()}，{g.city} {g.num(100000, 999999)}）", scale=0.9)
    d.para(f"【摘要】目的 探讨{topic.replace('研究', '')}的效果。方法 选取{g.year - 2}年1月至{g.year}年6月收治的"
           f"{g.num(80, 900)}例患者为研究对象，随机分为观察组与对照组。结果 观察组主要指标优于对照组，差异有统计学意义"
           f"（P<0.05）。结论 该方法安全有效，值得临床推广。", indent=0)
    d.left("【关键词】" + "；".join(g.f.sample(["随机对照试验", "护理干预", "预后", "危险因素", "多学科协作", "质量改进"], 3)))
    d.left(f"中图分类号：R{g.num(181, 797)}    文献标志码：A", scale=0.9)
    d.left(f"（本文已发表于《中华医院管理杂志》{g.year}年第{g.num(1, 12)}期）", scale=0.9)


@template("research_teaching", "lecture_notice", {"S1": 1, "S2": 1})
def lecture_notice(g, d):
    d.title(g.pick(["学术讲座通知", "继续医学教育项目通知", "学术活动预告"]))
    subj = g.pick(["心血管疾病诊疗新进展", "抗菌药物临床合理应用", "医院感染防控新要求", "临床研究设计与统计方法",
                   "人工智能在医学影像中的应用", "加速康复外科理念与实践"])
    d.para(f"为促进学术交流，提高医务人员业务水平，定于{g.d(g.day())}{g.pick(['下午2:30', '上午9:00', '晚上7:00'])}"
           f"在{g.pick(['门诊楼五楼学术报告厅', '科教楼一楼多功能厅', '住院部会议室'])}举办专题讲座，现将有关事项通知如下：")
    d.left(f"一、讲座题目：{subj}")
    d.left(f"二、主讲专家：{g.pick(['省内知名专家', '特邀教授', '本院学科带头人'])}")
    if g.level == "S1":   # an open lecture, announced to the public
        d.left(f"三、参加对象：{g.pick(['欢迎社会各界人士及同行参加', '面向社会公开，免费参加', '欢迎兄弟单位同行及市民朋友参加'])}")
        d.left(f"四、学分：授予{g.pick(['I类', 'II类'])}继续医学教育学分{g.num(1, 4)}分。")
        d.left(g.pick(["本通知同时在医院官网发布。", "报名请关注医院微信公众号。", "欢迎转发。"]))
    else:                 # an internal training notice
        d.left(f"三、参加对象：{g.pick(['全院医务人员', '各临床科室医师及规培学员', '本院住院医师及进修人员'])}")
        d.left(f"四、学分：授予{g.pick(['I类', 'II类'])}继续医学教育学分{g.num(1, 4)}分。")
        d.left(g.pick(["请各科室合理安排工作，按时参加并签到。", "考勤纳入科室考核。", "请勿外传。"]))
    g.sign_date(d, g.pick(["科研处", "教育处", "继续教育办公室"]), stamp=g.chance(0.6))


@template("research_teaching", "research_budget", {"S2": 1})
def research_budget(g, d):
    d.title("科研项目经费预算表", scale=1.4)
    d.kv([("项目名称", g.pick(TOPICS)), ("项目编号", f"KY{g.year}{g.num(1, 99):02d}{g.num(1, 999):03d}")], cols=1)
    items = ["设备费", "材料费", "测试化验加工费", "燃料动力费", "差旅/会议/国际合作交流费", "出版/文献/信息传播费",
             "劳务费", "专家咨询费", "其他支出"]
    rows, total = [], 0.0
    for it in items:
        v = g.f.money(0, 8)
        total += v
        rows.append([it, f"{v:.2f}", g.pick(["", "按实际发生", "用于样本检测", "用于数据采集"])])
    rows.append(["合计", f"{total:.2f}", ""])
    d.table(["预算科目", "金额（万元）", "测算依据"], rows)
    d.sign(["项目负责人：（签字）", "财务处审核：", g.d(g.day())])


@template("research_teaching", "trial_crf", {"S4": 2, "S5": 1})
def trial_crf(g, d):
    p = g.patient(18, 75)
    dx = g.f.diagnosis(True if g.restricted else False)
    d.title("临床试验病例报告表（CRF）", scale=1.35)
    d.kv([("方案编号", f"{g.pick(['CT', 'IIT', 'PRO'])}-{g.year}-{g.num(1, 99):02d}"), ("中心号", f"{g.num(1, 12):02d}"),
          ("受试者编号", f"{g.num(1, 300):03d}"), ("受试者姓名缩写", "".join(g.f.sample("ABCDGHJLMQSTWXYZ", 3)))], cols=2)
    d.kv([("姓名", g.pn(p["name"])), ("病案号", g.pmrn("病案号")), ("出生日期", g.pbirth(p["birth"])),
          ("性别", p["sex"])], cols=2)
    d.heading("访视1：筛选期")
    d.table(["检查项目", "结果", "是否异常", "临床意义"],
            [["诊断", dx[0], "是", "入选"], ["生命体征", f"BP {g.num(100, 150)}/{g.num(60, 95)}", "否", ""],
             ["血常规", "已完成", g.pick(["是", "否"]), g.pick(["无", "无临床意义"])],
             ["肝肾功能", "已完成", "否", ""], ["妊娠试验", g.pick(["阴性", "不适用"]), "否", ""]])
    d.para("受试者已签署知情同意书。" + g.pick(["符合全部入选标准，不符合任何排除标准。", "经研究者判断可以入组。"]))
    d.sign([["研究者签名：", g.pn()], g.d(g.day())])


@template("research_teaching", "health_science", {"S1": 1})
def health_science(g, d):
    """Public health-education (科普) text: health vocabulary with no patient — a confounder."""
    topics = [("秋冬季节如何预防流感", ["勤洗手、戴口罩、常通风", "接种流感疫苗是最有效的预防手段", "出现发热咳嗽应及时就医"]),
              ("科学控糖从日常饮食做起", ["主食粗细搭配，控制总热量", "少吃含糖饮料和甜点", "坚持规律运动"]),
              ("高血压的日常管理", ["低盐饮食，每日食盐不超过5克", "定期测量血压", "遵医嘱规律服药"]),
              ("儿童近视防控小知识", ["每天户外活动两小时", "读写姿势要正确", "定期检查视力"]),
              ("急救常识：心肺复苏要点", ["确认环境安全", "胸外按压深度5至6厘米", "尽早使用自动体外除颤器"]),
              ("夏季防中暑指南", ["避免高温时段外出", "及时补充水分", "出现头晕乏力应到阴凉处休息"]),
              ("老年人防跌倒", ["居家地面保持干燥", "夜间保留照明", "选择合适的鞋子"]),
              ("合理用药五个要点", ["不随意自行购药", "按说明书服用", "不同药物间隔服用"])]
    title, tips = g.pick(topics)
    d.title(title, scale=1.4)
    d.center(g.pick(["健康科普", "健康讲堂", "医生说"]) + f" | {g.hosp['name']}")
    d.para(g.pick(["随着生活方式的变化，越来越多的人开始关注自身健康。", "健康知识人人需要，预防胜于治疗。",
                   "不少市民对相关知识存在误区，专家提醒要科学对待。"]) + "专家建议：")
    for k, tip in enumerate(tips, 1):
        d.left(f"{k}. {tip}。")
    d.para(g.pick(["如有疑问，可到医院相关门诊咨询。", "本文仅供科普参考，不能替代专业诊疗。", "关注医院公众号，获取更多健康资讯。"]))


FUNDERS = ["国家自然科学基金面上项目", "国家自然科学基金青年科学基金项目", "省自然科学基金项目", "省卫生健康委医学科研项目",
           "市科技计划项目", "院级科研基金", "省中医药管理局科研项目"]


@template("research_teaching", "progress_report", {"S2": 3, "S5": 1})
def progress_report(g, d):
    """科研项目年度进展/中期检查报告: project sheet, progress, outputs table, spending table, plan.
    S5 for a study of special-category patients (HIV, psychiatric, genetic, reproductive)."""
    topic = g.pick(SPECIAL_TOPICS if g.restricted else TOPICS)
    start = g.num(g.year - 3, g.year - 1)
    total = g.num(5, 80)
    d.title(g.pick(["科研项目年度进展报告", "科研课题中期检查报告", "在研项目执行情况报告"]), scale=1.4)
    d.table(None, [["项目名称", topic], ["项目编号", f"{g.pick(['KY', 'ZR', 'WJ'])}{start}-{g.num(1, 300):03d}"],
                   ["项目来源", g.pick(FUNDERS)], ["承担科室", g.f.dept()],
                   ["起止年限", f"{start}年1月至{start + g.num(2, 4)}年12月"], ["资助经费", f"{total}万元"]])
    d.heading("一、研究工作进展")
    enrolled = g.num(40, 600)
    d.para(f"本年度按计划书开展研究，已完成{g.pick(['研究方案优化', '病例报告表定稿', '标准操作规程制定'])}，"
           f"累计入组研究对象{enrolled}例，完成随访{g.num(enrolled // 2, enrolled)}例，随访率{g.num(82, 98)}%。"
           + g.pick(["已建立标准化研究数据库并完成双人录入核查。", "已完成动物模型构建及初步机制验证。",
                     "已完成中期数据的统计分析，主要结局指标初步显示组间差异。"]))
    if g.restricted:
        d.para("研究对象均为" + g.pick(["HIV感染者", "精神障碍患者", "遗传病家系成员", "辅助生殖助孕夫妇"]) +
               "，入组时签署知情同意书；受试者身份信息与研究编码分开保存，由专人管理，研究数据去标识化后分析。")
    d.heading("二、阶段性成果")
    rows = [["发表论文", f"SCI {g.num(0, 3)}篇，中文核心{g.num(0, 4)}篇"], ["学术会议交流", f"{g.num(0, 5)}次"],
            ["申请专利", f"{g.num(0, 2)}项"], ["培养研究生", f"{g.num(0, 4)}名"]]
    d.table(["成果类型", "完成情况"], g.f.sample(rows, g.num(2, 4)))
    d.heading("三、经费使用情况")
    spent = []
    for item in g.f.sample(["设备费", "材料费", "测试化验加工费", "差旅/会议费", "出版/文献/信息传播费", "劳务费", "专家咨询费"],
                           g.num(3, 6)):
        b = g.num(5, 200) / 10
        u = round(b * g.rng.uniform(0.2, 0.95), 1)
        spent.append([item, f"{b:.1f}", f"{u:.1f}", f"{100 * u / b:.0f}%"])
    d.table(["预算科目", "预算（万元）", "已支出（万元）", "执行率"], spent)
    d.heading("四、存在问题及下一步计划")
    d.para(g.pick(["受门诊量波动影响，病例入组进度略慢于计划，拟增加合作中心。",
                   "部分检测试剂到货延迟，下一步将调整实验顺序，确保按期完成。",
                   "随访失访率偏高，拟采用电话与线上随访相结合的方式。"]))
    d.sign(["科室意见：情况属实", "科研处（盖章）", g.d(g.day())])


CME_ACTIVITIES = [("国家级继续医学教育项目", "Ⅰ类", 10), ("省级继续医学教育项目", "Ⅰ类", 6), ("市级继续医学教育项目", "Ⅰ类", 4),
                  ("院内学术讲座", "Ⅱ类", 1), ("科室业务学习", "Ⅱ类", 1), ("疑难病例讨论", "Ⅱ类", 1),
                  ("发表论文（核心期刊）", "Ⅱ类", 5), ("带教实习生", "Ⅱ类", 2), ("远程继续教育课程", "Ⅰ类", 2),
                  ("学术会议交流发言", "Ⅱ类", 3)]


@template("research_teaching", "cme_credit_card", {"S3": 1})
def cme_credit_card(g, d):
    """继续医学教育学分登记卡: one staff member's identity and a log of credited activities."""
    sex = g.f.sex()
    name = g.f.name()
    d.title(f"{g.year}年度继续医学教育学分登记{g.pick(['卡', '表', '证明'])}", scale=1.35)
    d.kv([("姓名", g.pn(name)), ("性别", sex), ("工号", g.f.staff_no()), ("科室", g.f.dept()),
          ("职称", g.pick(TITLES_MED + ["主管护师", "主管技师", "主管药师"])),
          ("身份证号", g.pid(sex=sex)) if g.chance(0.6) else ("手机", g.pphone(True))], cols=2)
    rows, t1, t2 = [], 0, 0
    for k, day in enumerate(sorted(g.day() for _ in range(g.num(5, 12))), 1):
        activity, cls, cr = g.pick(CME_ACTIVITIES)
        if cls == "Ⅰ类":
            t1 += cr
        else:
            t2 += cr
        rows.append([str(k), g.d(day), activity, f"{g.year}-{g.num(1, 20):02d}-{g.num(1, 999):03d}-{g.num(1, 99):02d}", cls, str(cr)])
    d.table(["序号", "日期", "项目/活动名称", "项目编号", "类别", "学分"], rows, size=0.85)
    d.kv([("Ⅰ类学分合计", str(t1)), ("Ⅱ类学分合计", str(t2)), ("年度总学分", str(t1 + t2)),
          ("是否达标", "达标" if t1 + t2 >= 25 and t1 >= 10 else "未达标")], cols=2)
    d.left("说明：年度学分不低于25学分，其中Ⅰ类学分不低于10学分；学分达标作为聘任、晋升的必备条件。", scale=0.9)
    d.sign([["本人签名：", g.pn(name)], ["经办人：", g.pn()], g.d(g.day())])


ANIMALS = [("SD大鼠", "SPF级", "180-220g"), ("C57BL/6小鼠", "SPF级", "6-8周龄"), ("BALB/c裸鼠", "SPF级", "4-6周龄"),
           ("新西兰白兔", "普通级", "2.0-2.5kg"), ("比格犬", "普通级", "8-10kg"), ("巴马小型猪", "普通级", "20-25kg"),
           ("Wistar大鼠", "SPF级", "200-250g")]


ANIMAL_PROJECTS = ["脓毒症急性肺损伤模型中炎症小体的作用机制研究", "心肌缺血再灌注损伤的干预研究",
                   "新型可吸收骨修复材料的生物相容性评价", "糖尿病创面愈合模型中生长因子的作用研究",
                   "肝纤维化模型的建立及中药干预研究", "肿瘤移植瘤模型的靶向药物疗效观察",
                   "脑缺血模型神经保护药物的筛选", "腹腔镜手术技能训练（活体动物）"]


@template("research_teaching", "animal_use_application", {"S2": 1})
def animal_use_application(g, d):
    """实验动物使用申请及福利伦理审查表: animals, procedures, anaesthesia, humane end points."""
    animal, grade, size = g.pick(ANIMALS)
    n = g.num(12, 120)
    d.title(g.pick(["实验动物使用申请表", "动物实验福利伦理审查申请表"]), scale=1.4)
    d.right(f"审查编号：IACUC-{g.year}-{g.num(1, 400):03d}")
    d.table(None, [["项目名称", g.pick(ANIMAL_PROJECTS)],
                   ["申请科室", g.f.dept(), "实验地点", g.pick(["动物实验中心屏障环境", "动物实验中心普通环境", "中心实验室"])],
                   ["动物品系", animal, "等级", grade],
                   ["数量/性别", f"{n}只，{g.pick(['雄性', '雌性', '雌雄各半'])}", "体重/周龄", size],
                   ["动物来源", g.f.company("科技"), "使用期限", f"{g.year}年{g.num(1, 6)}月至{g.year}年{g.num(7, 12)}月"]])
    d.heading("一、实验目的")
    d.para(g.pick(["建立疾病动物模型，观察干预措施对相关指标的影响，为临床研究提供依据。",
                   "验证新型材料的生物相容性及安全性。", "探讨药物干预对炎症因子表达的作用机制。"]))
    d.heading("二、主要操作及麻醉方法")
    d.para(g.pick(["腹腔注射戊巴比妥钠麻醉", "异氟烷吸入麻醉", "舒泰复合麻醉"]) + "后行" +
           g.pick(["颈动脉插管", "冠状动脉结扎", "股骨缺损造模", "皮下移植瘤接种", "尾静脉给药"]) +
           f"，术后给予镇痛处理，观察期{g.num(1, 12)}周，按计划时间点采集血液及组织标本。")
    d.heading("三、“3R”原则及仁慈终点")
    d.para("经统计学估算确定最少动物数量；能用细胞实验替代的部分不使用动物。动物体重下降超过20%、"
           "出现持续不能进食或濒死状态时，即实施安乐死。实验结束后按规定进行动物尸体无害化处理。")
    d.table(["科室意见", "动物实验中心意见", "实验动物福利伦理委员会意见"],
            [["同意", g.pick(["同意", "场地可安排"]), g.pick(["同意", "修改后同意"])]])


AWARD_GRADES = ["一等奖", "二等奖", "三等奖", "优秀奖"]
ACHIEVEMENT_KINDS = ["科技进步奖", "新技术引进奖", "优秀论文奖", "发明专利", "临床诊疗规范", "教学成果奖"]


@template("research_teaching", "achievement_award", {"S1": 2, "S2": 2})
def achievement_award(g, d):
    """科研成果奖励: S1 the published 拟奖励项目公示 (titles, departments, first authors as published);
    S2 the internal 科研成果登记汇总/奖励核算表 by department, with amounts and no names."""
    if g.level == "S1":
        d.title(g.pick([f"关于{g.year}年度科研成果奖励拟奖项目的公示", f"{g.year}年度院科技进步奖评审结果公示",
                        f"{g.year}年度医疗新技术奖评选结果公告"]), scale=1.3)
        d.para(f"根据《{g.hosp['name']}科研成果奖励办法》，经科室推荐、科研处形式审查、院学术委员会"
               f"{g.pick(['会议评审', '专家函评和会议答辩', '无记名投票'])}，拟对以下{g.pick(['项目', '成果'])}予以奖励，现予以公示：")
        authors = g.chance(0.6)   # first authors, as published in the notice
        rows = []
        for k, topic in enumerate(g.f.sample(TOPICS, g.num(4, 9)), 1):
            row = [str(k), topic, g.f.dept(), g.pick(ACHIEVEMENT_KINDS), g.pick(AWARD_GRADES)]
            if authors:
                row.insert(3, g.f.name())
            rows.append(row)
        hdr = ["序号", "成果名称", "完成科室", "成果类型", "拟奖等级"]
        if authors:
            hdr.insert(3, "第一完成人")
        d.table(hdr, rows, size=0.86)
        days = g.pick(["5个工作日", "7天", "7个工作日"])
        d.para(f"公示期为{days}。公示期间，如对公示项目的学术水平、知识产权归属或完成人排序有异议，"
               "请以书面形式向科研处实名反映，逾期不予受理。")
        d.para(g.pick(["本公示同时在医院官方网站和院务公开栏发布。", "本公告在医院官网“院务公开”栏目同步发布，欢迎社会各界监督。",
                       "欢迎广大职工和社会各界监督。"]))
        g.sign_date(d, g.pick(["科研处", "科技创新办公室", "院学术委员会办公室"]), stamp=g.chance(0.7))
        return
    g.mark_if_restricted(d)
    d.title(g.pick([f"{g.year}年度科研成果登记汇总表", f"{g.year}年度科研绩效奖励核算表", "科研成果奖励经费分配明细"]), scale=1.3)
    d.right(f"统计口径：{g.year}年1月1日至{g.year}年12月31日", scale=0.9)
    rows, tot = [], [0, 0, 0, 0, 0.0]
    for dept in g.f.sample(["心血管内科", "神经内科", "普通外科", "骨科", "儿科", "检验科", "放射科", "护理部", "药学部",
                            "消化内科", "肿瘤科", "重症医学科", "妇科", "急诊科"], g.num(6, 12)):
        sci, core, pat, award = g.num(0, 9), g.num(0, 15), g.num(0, 4), g.num(0, 2)
        money = sci * g.pick([1.0, 1.5, 2.0]) + core * 0.3 + pat * 0.5 + award * g.pick([2, 3, 5])
        for i, v in enumerate((sci, core, pat, award, money)):
            tot[i] += v
        rows.append([dept, str(sci), str(core), str(pat), str(award), f"{money:.2f}"])
    rows.append(["合计", *[str(v) for v in tot[:4]], f"{tot[4]:.2f}"])
    d.table(["科室", "SCI论文（篇）", "中文核心（篇）", "授权专利（项）", "获奖（项）", "奖励金额（万元）"], rows, size=0.86)
    d.heading("核算说明：")
    for k, t in enumerate(g.f.sample(["论文以正式见刊且第一单位为本院为准，同一论文不重复计奖；",
                                      "SCI论文按中科院分区分档计奖，综述按同档次50%计算；",
                                      "专利以授权证书日期为准，实用新型专利按发明专利的30%计奖；",
                                      "获奖项目以证书为准，多单位合作项目按排序系数折算；",
                                      "奖励经费从院科研发展基金列支，发放至科室，由科室二次分配；",
                                      "核算结果经院学术委员会审议后执行。"], g.num(3, 5)), 1):
        d.left(f"{k}. {t}")
    d.left(g.pick(["本表为内部资料，不对外公开。", "内部核算用表，请勿外传。", ""]), scale=0.9)
    d.sign(["制表：科研处", "审核：分管院领导", g.d(g.day())])


ROTATIONS = ["心血管内科", "呼吸与危重症医学科", "消化内科", "神经内科", "内分泌科", "肾内科", "急诊科", "重症医学科",
             "普通外科", "骨科", "儿科", "妇产科", "放射科", "检验科", "全科医学科", "感染科"]


@template("research_teaching", "training_completion", {"S3": 1})
def training_completion(g, d):
    """规培/进修结业鉴定表: the trainee's identity, rotations with assessment scores, appraisals by the
    supervisor and the training base; identifying data, no health details."""
    sex = g.f.sex()
    birth = g.f.birth(23, 40, g.year)
    name = g.f.name(sex)
    refresher = g.chance(0.4)
    if refresher:
        d.title(g.pick(["进修人员结业鉴定表", "进修医师结业考核鉴定表"]), scale=1.4)
        title = g.pick(["住院医师", "主治医师", "主治医师", "主管护师", "护师"])
        kinds = ["护理进修", "专科护士培训"] if "护" in title else ["临床进修", "专项技术进修", "对口支援进修"]
        d.table(None, [["姓名", g.pn(name), "性别", sex],
                       ["出生日期", g.pbirth(birth), "职称", title],
                       ["身份证号", g.pid(birth, sex), "联系电话", g.pphone(True)],
                       ["原工作单位", g.f.hospital()["name"], "进修科室", g.f.dept()],
                       ["进修期限", f"{g.year}年{g.num(1, 6)}月至{g.year}年{g.num(7, 12)}月",
                        "进修类别", g.pick(kinds)]],
                size=0.88)
        d.heading("进修期间主要学习内容：")
        d.para(g.pick(["参与病房日常诊疗工作，独立管理床位", "跟随带教老师参加门诊、查房及手术", "系统学习本专业常见病、多发病的规范化诊治"]) +
               f"，累计管理患者{g.num(40, 260)}人次，参加疑难病例讨论{g.num(4, 30)}次，"
               + g.pick([f"完成操作{g.num(20, 150)}例。", "掌握了相关适宜技术。", f"参加业务学习{g.num(6, 40)}次。"]))
    else:
        d.title(g.pick(["住院医师规范化培训结业考核鉴定表", "住院医师规范化培训轮转考核登记表"]), scale=1.35)
        d.kv([("姓名", g.pn(name)), ("性别", sex), ("出生日期", g.pbirth(birth)),
              ("学历", g.pick(["本科", "硕士研究生", "硕士研究生", "博士研究生"])),
              ("毕业院校", g.f.region()[2].replace("市", "") + g.pick(["医科大学", "医学院", "中医药大学", "大学医学部"])),
              ("培训专业", g.pick(["内科", "外科", "全科", "儿科", "急诊科", "麻醉科", "妇产科"])),
              ("学员类型", g.pick(["单位委派", "社会人", "专业学位研究生"])),
              ("身份证号", g.pid(birth, sex)) if g.chance(0.7) else ("手机", g.pphone(True))], cols=2)
        rows = []
        for dept in g.f.sample(ROTATIONS, g.num(5, 10)):
            rows.append([dept, f"{g.num(1, 6)}个月", str(g.num(70, 96)), str(g.num(72, 98)),
                         g.pick(["合格", "合格", "良好", "优秀"])])
        d.table(["轮转科室", "轮转时间", "出科理论", "技能考核", "出科鉴定"], rows, size=0.88)
        d.kv([("年度考核", g.pick(["合格", "合格", "良好"])), ("执业医师资格", g.pick(["已取得", "已取得", "待取得"])),
              ("结业理论考试", f"{g.num(62, 92)}分"), ("临床实践能力考核", g.pick(["通过", "通过", "补考通过"]))], cols=2)
    d.heading(g.pick(["带教老师评语：", "导师鉴定意见："]))
    d.para(g.pick(["该同志遵守劳动纪律，工作认真负责，", "该学员学习态度端正，服从科室安排，", "该同志热爱本专业，虚心好学，"]) +
           g.pick(["基础理论扎实，临床思维清晰，", "医患沟通能力较好，病历书写规范，", "能独立完成常见病的诊疗和基本操作，"]) +
           g.pick(["同意结业。", "鉴定合格。", "建议今后加强危重症处置能力的培养。"]))
    d.table(["带教科室意见", "教育处意见", "培训基地意见"],
            [[g.pick(["同意", "合格"]), g.pick(["同意结业", "审核通过"]), g.pick(["同意，颁发结业证书", "准予结业"])]], size=0.9)
    d.sign([["带教老师：", g.pn()], "教育处（盖章）", g.d(g.day())])


@template("research_teaching", "teaching_round", {"S4": 3, "S5": 1})
def teaching_round(g, d):
    """教学查房记录: a named inpatient presented by a resident, bedside examination, questions to the
    trainees and the attending's summary; S5 when the patient's diagnosis is special-category."""
    from ..clinical import Clinic
    dx = g.f.diagnosis(True if g.restricted else False)
    p = g.patient(16, 88)
    female = any(w in dx[0] for w in ("妊娠", "女性", "乳腺", "卵巢", "子宫", "唐氏", "流产", "顺产", "BRCA"))
    if female or any(w in dx[0] for w in ("男性", "前列腺")):
        sex = "女" if female else "男"
        lo, hi = (20, 45) if female and dx[3] in ("reproductive", "genetic") or "妊娠" in dx[0] or "产" in dx[0] else (20, 80)
        birth = g.f.birth(lo, hi, g.year)
        p = {"name": g.f.name(sex), "sex": sex, "birth": birth, "age": g.year - birth.year}
    c = Clinic(g, dx, p["sex"], p["age"])
    d.body_category = "medical"
    d.title(g.pick(["教学查房记录", "临床教学查房记录表", "住院医师教学查房记录"]), scale=1.4)
    day = g.day()
    d.kv([("查房日期", g.d(day) + " " + g.pick(["8:30", "9:00", "10:00", "15:00"])), ("科室", dx[2]),
          ("主查教师", g.pn()), ("职称", g.pick(["主治医师", "副主任医师", "主任医师"])),
          ("查房对象", g.pick(["规培住院医师", "实习医生及规培学员", "进修医师、实习医生"])),
          ("参加人数", f"{g.num(4, 16)}人")], cols=2)
    d.kv([("患者", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"),
          ("床号", f"{g.num(1, 60)}床"), ("住院号", g.pmrn())], cols=3)
    d.kv([("查房病种", dx[0]), ("教学目标", g.pick(["掌握本病的诊断依据与鉴别诊断", "熟悉本病的治疗原则和随访要点",
                                                     "规范病史采集和体格检查"]))], cols=1)
    d.heading(g.pick(["一、病史汇报（规培医师）", "一、汇报病史"]))
    d.para(c.intro())
    if g.chance(0.6):
        d.para("现病史：" + c.hpi())
    d.heading("二、床旁查体示教")
    d.para(c.exam(specialist=g.chance(0.5)))
    d.para("主查教师纠正了" + g.pick(["心脏听诊部位及顺序", "腹部触诊手法", "神经系统查体步骤", "淋巴结触诊顺序"]) + "，并强调查体前应做好手卫生和人文关怀。")
    d.heading("三、辅助检查分析")
    d.para(c.aux())
    d.heading("四、提问与讨论")
    qs = [f"本例诊断为{dx[0]}的依据有哪些？", "需要与哪些疾病相鉴别？", "下一步治疗方案如何制定？",
          "用药过程中应注意观察哪些不良反应？", "出院后如何随访？"]
    for k, q in enumerate(g.f.sample(qs, g.num(2, 4)), 1):
        d.para(f"问{k}：{q}", indent=0)
        d.para(g.pick(["学员回答：", "答："]) + g.pick(["结合病史、体征及辅助检查结果分析，", "根据指南推荐，",
                                                       "参考教材内容，"]) + g.pick(["回答基本正确，要点不全。", "回答正确。",
                                                                                "思路清晰，但对鉴别诊断考虑不够全面。"]), indent=0)
    if g.restricted:
        d.para(g.pick(["本例涉及患者隐私，", "鉴于病种特殊，"]) + "教学讨论在示教室进行，不在床旁公开讨论诊断；"
               "学员不得拍照、记录患者身份信息或在任何场合谈论病情。")
    d.heading("五、主查教师总结")
    d.para(c.round() if g.chance(0.5) else
           "本次查房围绕" + dx[0] + "的诊治展开，学员病史汇报较完整，" +
           g.pick(["查体手法需进一步规范。", "临床思维有所提高。", "对最新指南掌握不够。"]) + "课后请复习相关章节，下次查房前提交学习心得。")
    if g.chance(0.6):
        items = [("查房准备", 10), ("病史汇报", 15), ("查体示教", 20), ("病例分析", 20), ("提问互动", 15), ("总结归纳", 10),
                 ("人文关怀", 10)]
        rows = [[it, str(full), str(max(full - g.num(0, 4), 0))] for it, full in items]
        d.table(["评价项目", "分值", "得分"], rows, size=0.86)
    d.sign([["记录人：", g.pn()], g.d(day)])


MISCONDUCT = ["论文图片重复使用", "实验数据篡改", "论文抄袭剽窃", "委托第三方代写代投论文", "不当署名",
              "伪造临床试验受试者知情同意书", "一稿多投", "虚构同行评议专家"]


@template("research_teaching", "misconduct_investigation", {"S3": 3, "S5": 1})
def misconduct_investigation(g, d):
    """科研诚信（学术不端）调查报告 about a named staff member: allegation, procedure, findings, decision;
    S5 the marked version filed while the case is confidential (reporter's identity, undisclosed evidence)."""
    marked = g.restricted
    if marked:
        d.marking("工作秘密")
    else:
        g.mark_if_restricted(d)
    sex = g.f.sex()
    name = g.f.name(sex)
    issue = g.pick(MISCONDUCT)
    d.title(g.pick(["关于涉嫌学术不端行为的调查报告", "科研诚信案件调查处理报告", "学术不端行为举报调查结论"]), scale=1.35)
    d.left(g.pick(["院学术委员会：", "院科研诚信委员会：", "院党委："]))
    rows = [["被举报人", g.pn(name), "性别", sex], ["所在科室", g.f.dept(), "职称", g.pick(TITLES_MED + ["主管技师", "副主任护师"])],
            ["工号", g.f.staff_no(), "联系电话", g.pphone(True)]]
    if g.chance(0.4):
        rows.append(["身份证号", g.pid(sex=sex), "", ""])
    d.table(None, rows, size=0.9)
    jour = g.pick(["《中华医学杂志》", "国外某SCI期刊", "《中国实用内科杂志》", "某中文核心期刊"])
    d.heading("一、举报及受理情况")
    src = g.pick(["实名举报", "匿名举报", "期刊编辑部来函", "上级主管部门转办"])
    d.para(f"{g.d(g.day())}，科研处收到{src}，反映", g.pn(name), f"在{jour}发表的论文存在“{issue}”问题。"
           f"经初步核查，符合受理条件，{g.pick(['院科研诚信委员会', '院学术委员会'])}决定立案调查，成立由"
           f"{g.num(3, 7)}名专家组成的调查组。")
    d.heading("二、调查经过")
    d.para(g.pick(["调查组调取了原始实验记录、仪器数据和论文投稿往来邮件，", "调查组核对了论文数据与原始病例资料，",
                   "调查组委托第三方机构进行图片查重和文字复制比检测，"]) +
           f"分别与被举报人及{g.num(2, 6)}名合作者谈话，" + g.pick(["并听取了被举报人的陈述和申辩。", "被举报人提交了书面说明。"]))
    d.heading("三、调查结论")
    verdict = g.pick(["情节较轻", "情节较重", "证据不足，不构成学术不端", "属于学术不端行为"])
    d.para(f"经调查组认定，举报反映的“{issue}”问题" +
           ("查无实据，" if "不足" in verdict else "基本属实，") + f"结论为：{verdict}。")
    d.heading("四、处理意见")
    if "不足" in verdict:
        d.para("建议予以澄清，并提醒被举报人规范保存原始数据。")
    else:
        d.para("建议：" + "；".join(g.f.sample(["责令撤回相关论文", "取消其" + str(g.num(2, 5)) + "年内科研项目申报资格",
                                             "通报批评", "追回相关科研奖励", "暂停研究生招生资格一年", "取消当年评优评先资格"],
                                            g.num(2, 3))) + "。")
    if marked:
        d.para("本案调查尚未结束，举报人信息、调查材料及处理意见按工作秘密管理，仅限调查组及院领导阅知，"
               "任何人不得泄露举报人身份或向被举报人透露调查细节。", indent=0)
    else:
        d.para("被举报人如对处理决定有异议，可在收到决定之日起15日内提出书面复核申请。")
    d.sign([["调查组组长：", g.pn()], ["调查组成员：", g.pn(), "、", g.pn()], g.d(g.day())])
