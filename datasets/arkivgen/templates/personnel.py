"""人员管理类: staff files, appointments, qualifications, appraisals, payroll lists."""

from ..fields import EDUCATION, ETHNIC, POLITICAL, TITLES_MED, TITLES_NURSE, TITLES_OTHER
from . import template


def _title(g):
    return g.pick(TITLES_MED + TITLES_NURSE + TITLES_OTHER)


@template("personnel", "staff_registration", {"S3": 1}, en=True)
def staff_registration(g, d):
    sex = g.f.sex()
    birth = g.f.birth(22, 60, g.year)
    if g.en:
        d.title("FOREIGN EXPERT EMPLOYMENT RECORD", scale=1.3)
        d.kv([("Name", g.pn()), ("Nationality", g.pick(["Germany", "Canada", "Australia", "United Kingdom", "Singapore"])),
              ("Date of birth", g.pbirth(birth)), ("Passport No.", f"E{g.num(10**7, 10**8 - 1)}"),
              ("Position", g.pick(["Visiting Professor", "Clinical Consultant", "Language Instructor"])),
              ("Contract period", f"{g.year} - {g.year + g.num(1, 3)}"), ("Mobile", g.pphone(True)), ("E-mail", g.pemail())], cols=2)
        d.heading("Education and experience")
        d.para(f"MD, {g.pick(['University of Toronto', 'Heidelberg University', 'University of Melbourne'])}; "
               f"{g.num(5, 25)} years of clinical experience in {g.pick(['emergency medicine', 'cardiology', 'nursing'])}.", indent=0)
        d.sign(["Human Resources Department", g.d(g.day())])
        return
    d.title(g.pick(["职工信息登记表", "工作人员登记表", "新进人员入职登记表"]), scale=1.4)
    d.table(None, [
        ["姓名", g.pn(), "性别", sex, "出生日期", g.pbirth(birth)],
        ["民族", g.pick(ETHNIC), "政治面貌", g.pick(POLITICAL), "学历", g.pick(EDUCATION)],
        ["身份证号", g.pid(birth, sex), "", "", "工号", g.f.staff_no()],
        ["所在科室", g.pick([g.f.dept(), g.f.admin_dept()]), "职称", _title(g), "入职日期", g.d(g.day())],
        ["手机号码", g.pphone(True), "电子邮箱", g.pemail(), "", ""],
        ["家庭住址", g.paddr(), "", "", "", ""],
    ], size=0.85)
    d.heading("学习及工作经历：")
    y = birth.year + 18
    rows = [[f"{y}.09-{y + 5}.07", g.pick(["某医科大学", "某医学院", "某卫生职业学院"]), "学生"],
            [f"{y + 5}.08-{g.year}.{g.num(1, 12):02d}", g.pick(["某县人民医院", "本院", "某社区卫生服务中心"]), _title(g)]]
    d.table(["起止时间", "学校/单位", "职务"], rows)
    d.heading("家庭成员：")
    d.table(["称谓", "姓名", "工作单位", "联系电话"],
            [[g.pick(["配偶", "父亲", "母亲"]), g.pn(), g.pick(["某公司", "退休", "某学校"]), g.pphone(True)] for _ in range(g.num(1, 3))])
    d.right("本人签名：", g.pn(), "  ", g.d(g.day()))


@template("personnel", "appointment_notice", {"S3": 3, "S1": 1})
def appointment_notice(g, d):
    public = g.level == "S1"
    if public:
        d.title("干部任前公示", scale=1.5)
        d.para("根据干部选拔任用工作有关规定，经医院党委研究，拟提任以下同志，现予以公示：")
        rows = [[g.f.name(), g.f.sex(), f"{g.num(32, 52)}岁", g.pick(EDUCATION), g.pick([g.f.dept(), g.f.admin_dept()]) + "副主任",
                 g.pick([g.f.dept(), g.f.admin_dept()]) + "主任"] for _ in range(g.num(2, 6))]
        d.table(["姓名", "性别", "年龄", "学历", "现任职务", "拟任职务"], rows)
        d.para(f"公示期为{g.d(g.day())}至{g.d(g.day())}。如有意见，请以书面形式向纪检监察室反映。反映问题要实事求是，提供具体事实。")
        g.sign_date(d, "中共" + g.hosp["name"] + "委员会组织部")
        return
    g.red_header(d, doc_kind="人")
    d.title("关于" + g.pick(["聘任", "任免", "调整"]) + "部分中层干部职务的通知", scale=1.3)
    d.left("院属各科室：")
    d.para("经院党委会研究决定：")
    for _ in range(g.num(2, 6)):
        d.para("聘任", g.pn(), "同志为" + g.pick([g.f.dept(), g.f.admin_dept()]) + g.pick(["主任", "副主任", "护士长", "副护士长"]) + "；")
    d.para("免去", g.pn(), "同志" + g.f.admin_dept() + g.pick(["主任", "副主任"]) + "职务。")
    d.para(f"以上同志任期自{g.d(g.day())}起计算，聘期{g.pick(['三', '四', '五'])}年。")
    g.sign_date(d)


@template("personnel", "title_publicity", {"S1": 1})
def title_publicity(g, d):
    d.title(f"{g.year}年度卫生专业技术职务任职资格评审结果公示", scale=1.25)
    d.para("根据职称评审工作有关规定，经评审委员会评审，以下人员通过相应专业技术职务任职资格评审，现予公示：")
    rows = [[str(k), g.f.name(), g.pick([g.f.dept(), "药学部", "检验科", "护理部"]), g.pick(["内科", "外科", "护理", "药学", "检验"]),
             g.pick(["副主任医师", "主任医师", "副主任护师", "主管药师", "副主任技师"])] for k in range(1, g.num(6, 18) + 1)]
    d.table(["序号", "姓名", "科室", "专业", "评审资格"], rows)
    d.para("公示期间，如对公示对象有异议，可向人力资源部实名反映。")
    g.sign_date(d, "人力资源部", stamp=g.chance(0.5))


@template("personnel", "payroll_list", {"S3": 1})
def payroll_list(g, d):
    month = g.num(1, 12)
    d.title(f"{g.year}年{month}月职工工资发放明细表", scale=1.3)
    d.kv([("部门", g.pick([g.f.dept(), g.f.admin_dept()])), ("发放日期", g.d(g.day()))], cols=2)
    rows, total = [], 0.0
    for k in range(1, g.num(8, 48) + 1):
        base, perf, ded = g.f.money(3000, 9000), g.f.money(1000, 12000), g.f.money(500, 3500)
        net = base + perf - ded
        total += net
        bank, card = g.pcard()
        rows.append([str(k), g.pn(), f"{base:.2f}", f"{perf:.2f}", f"{ded:.2f}", f"{net:.2f}", card])
    rows.append(["合计", "", "", "", "", f"{total:.2f}", ""])
    d.table(["序号", "姓名", "基本工资", "绩效工资", "代扣合计", "实发金额", "银行卡号"], rows, size=0.8)
    d.sign(["制表：人力资源部", "审核：财务处"])


@template("personnel", "annual_appraisal", {"S3": 4, "S5": 1})
def annual_appraisal(g, d):
    marked = g.mark_if_restricted(d)
    sex = g.f.sex()
    birth = g.f.birth(25, 58, g.year)
    d.title(("干部任前考察材料" if marked else f"{g.year}年度事业单位工作人员年度考核登记表"), scale=1.3)
    d.table(None, [["姓名", g.pn(), "性别", sex, "出生年月", g.pbirth(birth)],
                   ["科室", g.pick([g.f.dept(), g.f.admin_dept()]), "职务/职称", _title(g), "工号", g.f.staff_no()]])
    d.heading("个人总结：" if not marked else "考察情况：")
    d.para(g.pick(["本年度认真履行岗位职责，完成门诊、病房及值班工作，积极参加业务学习，全年无差错事故。",
                   "该同志政治立场坚定，工作作风扎实，组织协调能力较强，群众基础较好。",
                   "较好完成了科室管理和教学任务，发表论文2篇，带教规培学员6名。"]))
    if marked:
        d.para("民主测评：参评" + str(g.num(20, 80)) + "人，优秀率" + str(g.num(60, 95)) + "%。考察组意见：" +
               g.pick(["建议提任", "建议暂缓任用"]) + "。本材料属工作秘密，归入干部人事档案，不得向本人及无关人员透露。")
    d.table(["考核等次", "科室意见", "单位意见"], [[g.pick(["优秀", "合格", "合格", "基本合格"]), "同意", "同意"]])
    d.right(g.d(g.day()))


@template("personnel", "staffing_plan", {"S2": 1})
def staffing_plan(g, d):
    d.title(f"{g.year}年度公开招聘工作人员岗位计划表", scale=1.3)
    rows = []
    for k in range(1, g.num(6, 16) + 1):
        rows.append([f"{g.year}{k:03d}", g.pick([g.f.dept(), "药学部", "检验科", "信息中心", "财务处"]),
                     g.pick(["临床医师", "护士", "药师", "技师", "工程师", "会计"]), str(g.num(1, 6)),
                     g.pick(EDUCATION), g.pick(["35周岁以下", "40周岁以下", "不限"]),
                     g.pick(["取得执业医师资格", "具有护士执业资格", "中级及以上职称", "无"])])
    d.table(["岗位代码", "招聘科室", "岗位名称", "人数", "学历要求", "年龄", "其他条件"], rows, size=0.82)
    d.para("报名方式：网上报名。招聘工作按照公开、平等、竞争、择优的原则组织实施。岗位设置已经主管部门核准。", indent=0)
    d.right("人力资源部  " + g.d(g.day()))


@template("personnel", "staff_health", {"S4": 3, "S5": 1})
def staff_health(g, d):
    if g.restricted:
        d.title("医务人员职业暴露登记及处置记录表", scale=1.3)
        sex = g.f.sex()
        d.table(None, [["姓名", g.pn(), "性别", sex, "科室", g.f.dept()],
                       ["工号", g.f.staff_no(), "手机", g.pphone(True), "暴露时间", g.d(g.day())]])
        d.para(f"暴露经过：在为患者{g.pick(['采血', '缝合', '拔针'])}时被污染针头刺伤{g.pick(['左手食指', '右手拇指'])}，"
               "立即挤血冲洗并碘伏消毒。源患者HIV抗体阳性、梅毒螺旋体抗体阳性。", indent=0)
        d.para(f"处置：暴露后{g.num(1, 4)}小时内开始预防性用药（替诺福韦+拉米夫定+多替拉韦），"
               "分别于4周、8周、12周及6个月随访检测HIV抗体。本记录严格保密，仅限院感科存档。", indent=0)
        d.sign(["报告人签名：", "院感科：", g.d(g.day())])
        return
    d.title(f"{g.year}年度职工健康体检异常结果汇总表", scale=1.3)
    rows = []
    for k in range(1, g.num(6, 18) + 1):
        dx = g.f.diagnosis(False)
        rows.append([str(k), g.pn(), g.f.sex(), str(g.num(24, 60)), g.pick([g.f.dept(), g.f.admin_dept()]),
                     g.pick(["血压偏高", "空腹血糖升高", "甲状腺结节", "脂肪肝", "血脂异常", dx[0]]),
                     g.pick(["建议复查", "专科就诊", "定期随访"])])
    d.table(["序号", "姓名", "性别", "年龄", "科室", "异常结果", "建议"], rows, size=0.85)
    d.left("注：体检结果属个人隐私，仅限工会及本人查阅。", scale=0.85)


@template("personnel", "leave_application", {"S3": 3, "S4": 2})
def leave_application(g, d):
    sick = g.level == "S4"
    d.title("职工请（休）假审批单", scale=1.4)
    start = g.day()
    days = g.num(1, 30)
    d.table(None, [["姓名", g.pn(), "科室", g.pick([g.f.dept(), g.f.admin_dept()])],
                   ["请假类别", "病假" if sick else g.pick(["年休假", "事假", "婚假", "探亲假"]), "请假天数", f"{days}天"],
                   ["起止日期", f"{g.d(start)}至{g.d(g.f.later(start, days, days))}", "联系电话", g.pphone(True)]])
    if sick:
        dx = g.f.diagnosis(False)
        d.para(f"请假事由：本人因{dx[0]}需住院治疗，附诊断证明书。诊断医院：{g.hosp['name']}，建议休息{days}天。", indent=0)
    else:
        d.para("请假事由：" + g.pick(["回老家探望父母", "办理个人事务", "本人结婚", "带薪年休假"]) + "。工作已交接。", indent=0)
    d.table(["科室负责人意见", "人力资源部意见", "分管院领导意见"], [["同意", "同意", g.pick(["同意", "", "同意"])]])


@template("personnel", "license_register", {"S3": 1})
def license_register(g, d):
    d.title(g.pick(["医师执业注册人员花名册", "护士执业注册变更登记表", "执业资格证书登记台账"]), scale=1.3)
    rows = []
    for k in range(1, g.num(6, 20) + 1):
        sex = g.f.sex()
        rows.append([str(k), g.pn(), sex, g.pid(sex=sex), f"{g.num(10**14, 10**15 - 1)}",
                     g.pick(["临床", "中医", "口腔", "护理"]), g.pick(["内科专业", "外科专业", "妇产科专业", "护理"])])
    d.table(["序号", "姓名", "性别", "身份证号", "执业证书编码", "类别", "执业范围"], rows, size=0.8)
    d.right("填报：医务处  " + g.d(g.day()))


@template("personnel", "union_bulletin", {"S1": 1})
def union_bulletin(g, d):
    """工会简讯: staff activities and general news briefs for the notice board — public, no names."""
    from ..phrases import headline, news_item
    d.title(g.pick(["工会简讯", "职工之家", "工会活动简报", "职工文化生活"]), scale=1.5)
    d.center(f"{g.hosp['name']}工会  {g.year}年第{g.num(1, 24)}期")
    acts = ["职工运动会", "健步走活动", "读书分享会", "摄影比赛", "羽毛球友谊赛", "三八节插花活动", "职工子女夏令营",
            "趣味运动会", "书画展", "新年联欢会"]
    for _ in range(g.num(1, 3)):
        act = g.pick(acts)
        d.heading(f"我院举办{act}")
        d.para(f"近日，院工会组织开展{act}，全院{g.num(10, 60)}个部门{g.num(100, 900)}余名职工参加。"
               f"活动{g.pick(['丰富了职工业余文化生活', '增强了团队凝聚力', '展现了医务人员积极向上的精神风貌'])}。")
    d.heading(g.pick(["新闻速览", "资讯摘编", "看天下"]))
    for _ in range(g.num(2, 6)):
        if g.chance(0.5):
            d.left("· " + headline(g))
        else:
            d.para(news_item(g))


HANDOVER = ["工作任务及在办事项移交", "经管资产及设备归还", "工作证、门禁卡、胸牌交回", "借款及备用金结清",
            "信息系统账号注销", "宿舍、更衣柜钥匙交回", "图书资料归还", "专业技术档案及人事档案转递"]


@template("personnel", "resignation_transfer", {"S3": 1})
def resignation_transfer(g, d):
    """辞职/调出审批表: personal details, reason, the handover checklist and approvals."""
    transfer = g.chance(0.5)
    sex = g.f.sex()
    birth = g.f.birth(23, 58, g.year)
    name = g.f.name()
    d.title("工作人员调出审批表" if transfer else g.pick(["职工辞职申请审批表", "工作人员离职审批表"]), scale=1.4)
    d.table(None, [
        ["姓名", g.pn(name), "性别", sex, "出生年月", g.pbirth(birth)],
        ["身份证号", g.pid(birth, sex), "", "", "工号", g.f.staff_no()],
        ["所在科室", g.pick([g.f.dept(), g.f.admin_dept()]), "岗位/职称", g.pick(TITLES_MED + TITLES_NURSE + TITLES_OTHER),
         "参加工作时间", f"{birth.year + g.num(21, 26)}年{g.num(1, 12)}月"],
        ["用工性质", g.pick(["在编", "人事代理", "合同制"]), "联系电话", g.pphone(True), "", ""],
    ], size=0.85)
    if transfer:
        d.kv([("拟调入单位", g.f.hospital()["name"]), ("调动类型", g.pick(["商调", "组织调动", "夫妻两地分居调动"]))], cols=2)
        d.para("调动原因：" + g.pick(["家庭原因，需照顾年迈父母。", "配偶在外地工作，申请调往配偶所在地。", "个人职业发展需要。"]),
               indent=0)
    else:
        d.para("辞职原因：" + g.pick(["个人职业规划调整。", "继续深造，报考全日制研究生。", "家庭原因需迁居外地。",
                                     "个人原因。"]) + f"本人已于{g.d(g.day())}提交书面申请，按规定提前30日告知。", indent=0)
    d.heading("离岗交接：")
    d.table(["序号", "交接事项", "完成情况", "经办部门"],
            [[str(k), it, g.pick(["已完成", "已完成", "已办结", "无"]), g.pick(["所在科室", "医学装备部", "财务处", "信息中心", "人力资源部", "保卫处"])]
             for k, it in enumerate(g.f.sample(HANDOVER, g.num(4, 7)), 1)], size=0.88)
    d.table(["科室意见", "人力资源部意见", "分管院领导意见", "院长办公会意见"],
            [["同意", g.pick(["同意，按规定办理", "同意"]), "同意", g.pick(["同意", "研究同意"])]], size=0.85)
    d.right("申请人：", g.pn(name), "  ", g.d(g.day()))


@template("personnel", "recruitment_announcement", {"S1": 1})
def recruitment_announcement(g, d):
    """公开招聘公告: posts and conditions, application, examination, medical check, appointment."""
    n = g.num(8, 120)
    d.title(f"{g.hosp['name']}{g.year}年公开招聘{g.pick(['工作人员', '编外合同制人员', '高层次人才', '护理人员'])}公告", scale=1.2)
    d.para(f"根据事业单位公开招聘有关规定，经主管部门同意，{g.hosp['name']}面向社会公开招聘工作人员{n}名。"
           "现将有关事项公告如下：")
    d.heading("一、招聘岗位及条件")
    rows = []
    posts = [("临床医师", "临床医学", "硕士研究生及以上"), ("麻醉医师", "麻醉学", "本科及以上"), ("护士", "护理学", "大专及以上"),
             ("药师", "药学", "本科及以上"), ("检验技师", "医学检验技术", "本科及以上"), ("影像技师", "医学影像技术", "本科及以上"),
             ("会计", "会计学", "本科及以上"), ("信息工程师", "计算机科学与技术", "本科及以上"), ("康复治疗师", "康复治疗学", "大专及以上")]
    for post, major, edu in g.f.sample(posts, g.num(3, 7)):
        rows.append([post, str(g.num(1, 20)), edu, major, g.pick(["35周岁以下", "30周岁以下", "40周岁以下"])])
    d.table(["岗位名称", "人数", "学历", "专业", "年龄"], rows, size=0.88)
    d.para("应聘人员应遵纪守法，品行端正，具有岗位所需的专业技能和适应岗位要求的身体条件。", indent=2)
    d.heading("二、报名方式")
    d.para(f"采取网上报名方式，报名时间为{g.d(g.day())}至{g.d(g.day())}。应聘人员登录医院官方网站"
           "“人才招聘”栏目填写报名信息并上传相关证件，每人限报一个岗位。")
    d.heading("三、考试与考核")
    d.para(g.pick(["考试采取笔试与面试相结合的方式，笔试成绩占40%，面试成绩占60%。",
                   "高层次人才采取直接考核方式，其他岗位进行专业笔试和结构化面试。",
                   "考核包括专业理论考试、技能操作考核和综合面试。"]))
    d.heading("四、体检、考察与聘用")
    d.para("根据综合成绩从高分到低分确定体检和考察人选，体检参照公务员录用体检通用标准执行。"
           "拟聘用人员在医院网站公示7个工作日，公示无异议的按规定办理聘用手续，试用期按国家有关规定执行。")
    d.heading("五、其他")
    d.para("本次招聘不收取任何费用，不举办也不委托任何机构举办培训班。本公告由医院人力资源部负责解释。")
    g.sign_date(d, g.hosp["name"], stamp=g.chance(0.6))


@template("personnel", "workforce_statistics", {"S2": 1})
def workforce_statistics(g, d):
    """卫生人力资源统计表: head counts by staff type and title, age structure, a short analysis."""
    d.title(f"{g.year}年度卫生人力资源基本情况统计表", scale=1.3)
    d.kv([("填报单位", g.hosp["name"]), ("统计截止", f"{g.year}年12月31日")], cols=2)
    rows, tot = [], [0] * 6
    for kind in ["执业医师", "执业助理医师", "注册护士", "药师（士）", "技师（士）", "其他卫生技术人员", "管理人员", "工勤技能人员"]:
        cells = [g.num(0, 40), g.num(0, 90), g.num(5, 300), g.num(5, 400), g.num(0, 60)]
        if kind in ("管理人员", "工勤技能人员"):
            cells = [g.num(0, 8), g.num(0, 20), g.num(5, 60), g.num(5, 80), g.num(5, 90)]
        s = sum(cells)
        rows.append([kind, str(s)] + [str(c) for c in cells])
        tot = [a + b for a, b in zip(tot, [s] + cells)]
    rows.append(["合计"] + [str(t) for t in tot])
    d.table(["人员类别", "合计", "正高", "副高", "中级", "初级", "未定级"], rows, size=0.88)
    ages = [g.num(5, 40) for _ in range(5)]
    d.table(["年龄结构", "30岁以下", "30-39岁", "40-49岁", "50-59岁", "60岁及以上"],
            [["占比"] + [f"{100 * a / sum(ages):.1f}%" for a in ages]], size=0.88)
    d.heading("简要分析：")
    d.para(f"全院在岗职工{tot[0]}人，医护比1:{g.num(11, 20) / 10:.1f}，床护比1:{g.num(4, 7) / 10:.1f}。"
           + g.pick(["高级职称人员占比较上年有所提高，但儿科、麻醉科等紧缺专业人员仍显不足。",
                     "护理人员配置基本达到等级医院评审要求，需继续加强学科带头人培养。",
                     "人员结构趋于合理，下一步重点引进高层次和紧缺专业人才。"]))
    d.right("人力资源部  " + g.d(g.day()))
