"""人员管理类: staff files, appointments, qualifications, appraisals, payroll lists."""

import datetime as dt

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


# -- 岗位说明书 -------------------------------------------------------------------------------
POSTS = [
    {"name": "病区护士长", "dept": "clinical", "kind": "护理岗位", "grade": "专业技术八级至七级", "up": "科护士长",
     "down": "病区护理人员", "edu": "本科及以上", "title": "主管护师及以上",
     "duties": ["在护理部和科护士长领导下，负责本病区护理行政管理和护理质量管理", "合理安排护理人力，制定护士排班并组织落实分级护理制度",
                "组织护理查房和疑难病例护理讨论，指导危重患者护理", "督促护理人员执行各项规章制度和技术操作规程，预防护理差错",
                "负责病区药品、耗材和护理仪器的领取、保管和使用管理", "组织本病区护士的业务培训、考核和临床带教",
                "落实医院感染管理措施，做好病区消毒隔离工作"],
     "kpi": [("护理质量考核得分", 30), ("患者满意度", 20), ("护理不良事件上报与整改", 20), ("人员培训完成率", 15), ("物资管理", 15)]},
    {"name": "住院医师", "dept": "clinical", "kind": "专业技术岗位", "grade": "专业技术十二级至十一级", "up": "主治医师",
     "down": "无", "edu": "本科及以上", "title": "住院医师，取得医师执业证书",
     "duties": ["在上级医师指导下负责所管床位患者的诊疗工作", "按时完成入院记录、病程记录等医疗文书，保证书写质量",
                "参加科室值班、查房、会诊和病例讨论", "向患者及家属履行告知义务，做好医患沟通", "参与实习医师和规培医师的带教工作",
                "严格执行核心制度和抗菌药物合理使用规定"],
     "kpi": [("医疗质量与安全", 35), ("病历书写质量", 20), ("工作量", 20), ("医德医风", 15), ("学习培训", 10)]},
    {"name": "门诊药房调剂药师", "dept": "药学部", "kind": "专业技术岗位", "grade": "专业技术十级至九级", "up": "门诊药房组长",
     "down": "药士", "edu": "大专及以上（药学专业）", "title": "药师及以上",
     "duties": ["负责门诊处方的审核、调配、核对和发药", "对不合理处方及时与处方医师沟通并登记", "向患者交代用药方法和注意事项",
                "做好药品效期管理和摆放，定期盘点", "参与处方点评和药品不良反应监测上报", "严格执行麻醉药品、精神药品专柜管理规定"],
     "kpi": [("处方调配差错率", 30), ("处方审核合格率", 25), ("服务态度", 20), ("药品账物相符率", 15), ("学习培训", 10)]},
    {"name": "人事专员（薪酬）", "dept": "人力资源部", "kind": "管理岗位", "grade": "管理八级", "up": "人力资源部主任",
     "down": "无", "edu": "本科及以上", "title": "助理经济师及以上（人力资源专业）",
     "duties": ["负责全院职工工资、津补贴的核定与变动审批", "按月编制工资发放清单，与财务处核对", "办理职工社会保险、住房公积金的增减与缴费基数核定",
                "负责薪酬数据统计及上报工作", "解答职工薪酬福利政策咨询", "整理薪酬档案材料并按期归档"],
     "kpi": [("薪酬核算准确率", 35), ("报表报送及时率", 25), ("政策执行规范性", 20), ("服务满意度", 20)]},
    {"name": "医学装备维修工程师", "dept": "医学装备部", "kind": "专业技术岗位", "grade": "专业技术九级至八级", "up": "医学装备部主任",
     "down": "维修技术员", "edu": "本科及以上（生物医学工程、电子类专业）", "title": "工程师及以上",
     "duties": ["负责分管科室医疗设备的日常巡检、预防性维护和故障维修", "建立并维护设备维修档案", "参与新购设备的安装验收和使用培训",
                "配合开展设备计量、质控检测", "对维修成本进行统计分析，提出设备更新建议"],
     "kpi": [("设备完好率", 30), ("维修响应及时率", 25), ("预防性维护完成率", 25), ("临床满意度", 20)]},
    {"name": "病案编码员", "dept": "病案室", "kind": "专业技术岗位", "grade": "专业技术十二级至十级", "up": "病案室主任",
     "down": "无", "edu": "大专及以上", "title": "取得疾病分类编码资格证书",
     "duties": ["负责出院病案首页疾病诊断和手术操作的分类编码", "对首页填写缺陷进行反馈，督促临床科室修改", "配合完成医保结算清单和绩效考核数据上报",
                "参与病案质量检查和编码培训", "按规定时限完成病案整理、装订和归档"],
     "kpi": [("编码准确率", 40), ("首页数据上报及时率", 25), ("病案归档率", 20), ("学习培训", 15)]},
    {"name": "门诊收费员", "dept": "财务处", "kind": "工勤技能岗位", "grade": "技术工三级至二级", "up": "门诊收费组长",
     "down": "无", "edu": "中专及以上", "title": "取得会计从业相关培训合格证明",
     "duties": ["负责门诊挂号、收费、退费及医保实时结算", "按规定开具医疗收费票据，保管好票据和备用金", "每日班结后核对现金、移动支付和银行卡收入并上缴",
                "热情接待患者，解释收费项目和医保政策", "遵守收费纪律，不得擅自减免、挪用款项"],
     "kpi": [("收费差错率", 35), ("日结准确率", 25), ("窗口服务满意度", 25), ("劳动纪律", 15)]},
]
WORK_ENV = ["室内工作环境，需轮值夜班及节假日班，存在一定职业暴露风险。", "门诊窗口工作，工作时间相对固定，服务对象多，需耐心细致。",
            "办公室工作环境，工作时间固定，月末、年末工作量较大。", "需经常到临床科室现场工作，接触带电设备，须遵守安全操作规程。",
            "室内工作环境，需长时间使用计算机。"]


@template("personnel", "job_description", {"S2": 1})
def job_description(g, d):
    """岗位说明书: an internal post definition — duties, qualifications, relations, appraisal items; no person."""
    p = g.pick(POSTS)
    dept = g.f.dept() if p["dept"] == "clinical" else p["dept"]
    d.title(g.pick(["岗位说明书", "岗位职责说明书", f"{p['name']}岗位说明书"]), scale=1.45)
    if g.chance(0.5):
        d.right(f"编号：GW-{g.year}-{g.num(1, 400):03d}  版本：{g.pick(['A', 'B', 'C'])}/{g.num(0, 3)}")
    basic = [("岗位名称", p["name"]), ("所属部门", dept), ("岗位类别", p["kind"]), ("岗位等级", p["grade"]),
             ("直接上级", p["up"]), ("直接下级", p["down"]), ("岗位定员", f"{g.num(1, 12)}人"),
             ("岗位编号", f"{g.pick(['ZJ', 'GL', 'GQ', 'HL'])}-{g.num(100, 999)}")]
    numbered = g.chance(0.5)
    sec = iter("一二三四五六七")

    def head(plain, num):
        d.heading(f"{next(sec)}、{num}" if numbered else plain)

    if g.chance(0.5):
        if numbered:
            head("", "岗位基本信息")
        d.table(None, [[a, b, c, e] for (a, b), (c, e) in zip(basic[0::2], basic[1::2])])
    else:
        head("岗位概况：", "岗位基本信息")
        d.kv(basic, cols=2)
    duties = g.f.sample(p["duties"], g.num(min(4, len(p["duties"])), len(p["duties"])))
    head(g.pick(["岗位职责：", "工作内容与职责："]), g.pick(["主要职责", "岗位职责"]))
    for k, t in enumerate(duties, 1):
        d.para(f"{k}. {t}。", indent=0 if g.chance(0.6) else 2)
    head("任职资格：", g.pick(["任职条件", "任职资格"]))
    quals = [("学历要求", p["edu"]), ("资格要求", p["title"]),
             ("工作经验", g.pick(["本岗位或相关岗位工作3年以上", "具有2年以上相关工作经历", "应届毕业生经规范化培训合格", "不限"])),
             ("能力要求", g.pick(["具备良好的沟通协调能力和责任心", "熟悉相关法律法规和业务流程", "能熟练使用医院信息系统"]))]
    if g.chance(0.5):
        d.table(["项目", "要求"], [list(q) for q in quals], size=0.9)
    else:
        d.kv(quals, cols=1)
    if g.chance(0.6):
        head("工作关系：", g.pick(["内外联系", "工作关系"]))
        d.para(f"院内：{g.pick(['医务处、护理部', '财务处、信息中心', '临床各科室、医学装备部', '药学部、医保办公室'])}及相关职能部门；"
               f"院外：{g.pick(['上级卫生健康行政部门', '社会保险经办机构', '设备供应商及维修服务商', '患者及家属'])}。")
    if g.chance(0.7):
        head("考核要点：", g.pick(["绩效考核指标", "考核要点"]))
        d.table(["考核指标", "权重（%）", "考核周期"],
                [[k, str(w), g.pick(["月度", "季度", "年度"])] for k, w in p["kpi"]], size=0.9)
    if g.chance(0.6):
        head("工作环境：", "工作环境")
        d.para(g.pick(WORK_ENV))
    d.kv([("编制部门", "人力资源部"), ("审核", dept + "负责人"), ("批准", "院长办公会"), ("生效日期", g.d(g.day()))], cols=2)
    if g.chance(0.4):
        d.left(g.pick(["本说明书为院内人事管理文件，随岗位调整每年修订一次。", "注：本说明书作为岗位聘用、培训和绩效考核的依据。"]), scale=0.85)


# -- 考勤汇总表 -------------------------------------------------------------------------------
@template("personnel", "attendance_summary", {"S3": 1})
def attendance_summary(g, d):
    """月度考勤汇总表: one department's staff with attendance, night shifts, leave days; names and staff numbers."""
    month = g.num(1, 12)
    clinical = g.chance(0.6)
    dept = g.f.dept() if clinical else g.f.admin_dept()
    due = g.num(20, 23)
    d.title(g.pick([f"{g.year}年{month}月考勤汇总表", "职工月度考勤统计表", f"{dept}{month}月份考勤报表"]), scale=1.35)
    d.kv([("科室", dept), ("考勤月份", f"{g.year}年{month}月"), ("应出勤天数", f"{due}天"),
          ("考勤员", g.pn())], cols=2 if g.chance(0.6) else 4)
    head = ["序号", "姓名", "工号", "实出勤"]
    if clinical:
        head += ["夜班（个）"]
    head += ["加班（小时）", "年休假", "事假", "调休", "迟到早退", "备注"]
    zero = g.pick(["0", "", "—"])
    rows = []
    for k in range(1, g.num(6, 28) + 1):
        annual = g.pick([0, 0, 0, 0, 1, 2, 3, 5])
        personal = g.pick([0, 0, 0, 0, 0, 1, 2])
        off = g.pick([0, 0, 0, 1, 2])
        note = g.pick(["", "", "", "", "", "外出进修", "规培轮转", "借调", "外派帮扶", "学术会议"])
        act = due - annual - personal - off if not note else g.num(0, due)
        row = [str(k), g.pn(), g.f.staff_no(), str(act)]
        if clinical:
            row.append(str(g.num(0, 9)))
        row += [str(g.pick([0, 0, 2, 4, 6, 8, 12])), str(annual), str(personal), str(off), str(g.pick([0, 0, 0, 0, 1, 2])), note]
        rows.append(row[:4] + [c if c != "0" else zero for c in row[4:]])
    d.table(head, rows, size=0.82)
    if g.chance(0.5):
        d.left("说明：年休假、事假、调休以天计；加班须附审批单；夜班按中班、大夜班合计。", scale=0.85)
    d.para(g.pick(["考勤结果作为本月绩效工资和夜班费核发的依据，请于次月5日前报人力资源部。",
                   "本表经科室负责人审核签字后报人力资源部，考勤记录应与排班表、打卡记录一致。",
                   "如发现虚报、漏报考勤，将按医院考勤管理办法追究考勤员及科室负责人责任。"]), indent=0)
    sent = dt.date(g.year + month // 12, month % 12 + 1, g.num(1, 6))
    d.kv([("科室负责人", g.pn()), ("人力资源部审核", g.pick(["", "（签章）"])), ("报送日期", g.d(sent))], cols=3)


# -- 退休审批表 -------------------------------------------------------------------------------
RETIRE_ILLNESS = [("脑梗死后遗症", "I69.3", "左侧肢体偏瘫，生活部分不能自理"), ("慢性肾脏病5期", "N18.5", "维持性血液透析治疗，每周3次"),
                  ("肺恶性肿瘤", "C34.9", "术后化疗中，体力状况评分2分"), ("扩张型心肌病", "I42.0", "心功能III级，反复心力衰竭住院"),
                  ("帕金森病", "G20", "震颤、步态障碍进行性加重"), ("慢性阻塞性肺疾病", "J44.9", "活动后气促，需长期家庭氧疗"),
                  ("肝硬化失代偿期", "K74.6", "反复腹水，曾并发上消化道出血"), ("类风湿关节炎", "M06.9", "双手及双膝关节畸形，活动受限")]


@template("personnel", "retirement_approval", {"S3": 3, "S4": 1})
def retirement_approval(g, d):
    """退休审批表: identity, career, pension category and approvals. S4: retirement on health grounds
    with the diagnosis and the work-capacity appraisal."""
    sick = g.level == "S4"
    sex = g.f.sex()
    age = (g.num(50, 58) if sex == "男" else g.num(45, 53)) if sick else (60 if sex == "男" else 55)
    birth = g.f.date(g.year - age, g.year - age)
    retire = dt.date(g.year, birth.month, 1) if not sick else g.f.later(g.day(), 30, 60)
    signed = retire - dt.timedelta(days=g.num(20, 90))
    name = g.f.name(sex)
    start_work, start_m = birth.year + g.num(18, 25), g.num(7, 9)
    if sick:
        d.title(g.pick(["工作人员因病提前退休审批表", "职工病退（完全丧失劳动能力）审批表"]), scale=1.35)
    else:
        d.title(g.pick(["职工退休审批表", "事业单位工作人员退休审批表", "工作人员退休申报表"]), scale=1.4)
    d.right(f"填报单位（盖章）：{g.hosp['name']}")
    rows = [["姓名", g.pn(name), "性别", sex, "出生年月", g.pbirth(birth)],
            ["身份证号", g.pid(birth, sex), "", "", "民族", g.pick(ETHNIC)],
            ["所在科室", g.pick([g.f.dept(), g.f.admin_dept()]), "职务/职称", _title(g), "岗位等级", f"专业技术{g.pick('四五六七八九十')}级"],
            ["参加工作时间", f"{start_work}年{start_m}月", "连续工龄", f"{g.year - start_work}年", "视同缴费年限", f"{g.num(0, 20)}年"],
            ["退休类别", "因病提前退休" if sick else "正常退休", "拟退休时间", f"{retire.year}年{retire.month}月", "联系电话", g.pphone()]]
    if g.chance(0.5):
        rows.append(["家庭住址", g.paddr(), "", "", "", ""])
    d.table(None, rows, size=0.84)
    if g.chance(0.6):
        d.heading("主要工作经历：")
        y, m = start_work, start_m
        exp = []
        n = g.num(2, 4)
        for i in range(n):
            y2, m2 = (g.year, "今") if i == n - 1 else (min(g.year - 1, y + g.num(3, 12)), g.num(1, 12))
            end = "至今" if m2 == "今" else f"{y2}.{m2:02d}"
            exp.append([f"{y}.{m:02d}—{end}", "本院" if i == n - 1 else g.pick(["某县人民医院", "某乡镇卫生院", "某医学院附属医院", "某区卫生健康局"]),
                        g.pick([_title(g), "科室副主任", "护士长", "职员"])])
            y, m = y2, (m2 if m2 != "今" else 1)
        d.table(["起止年月", "工作单位", "职务/职称"], exp, size=0.88)
    if sick:
        ill = g.pick(RETIRE_ILLNESS)
        d.heading("病情及劳动能力鉴定情况：")
        d.para(f"本人于{g.year - g.num(1, 6)}年确诊{ill[0]}（ICD-10：{ill[1]}），{ill[2]}，经{g.hosp['name']}等医院长期治疗，"
               f"病情未见好转，已不能坚持正常工作。{g.d(signed - dt.timedelta(days=g.num(10, 60)))}经{g.city}劳动能力鉴定委员会鉴定，"
               f"结论为{g.pick(['完全丧失劳动能力', '大部分丧失劳动能力'])}，鉴定书编号LJ{g.year}{g.num(1000, 9999)}。")
        d.left("附件：劳动能力鉴定结论书、近两年病历及出院记录复印件", scale=0.9)
    else:
        d.para(f"该同志{birth.year}年{birth.month}月出生，至{g.year}年{birth.month}月年满{age}周岁，"
               f"符合国家规定的{'男年满60周岁' if sex == '男' else '女干部年满55周岁'}退休条件，"
               "本人档案记载出生时间经核查无误。", indent=2)
    d.table(["所在科室意见", "人力资源部审核意见", "主管部门审批意见"],
            [[g.pick(["同意", "工作已交接，同意"]),
              g.pick(["经审核，符合退休条件，自次月起停发在职工资", "材料齐全，符合规定，同意上报"]),
              g.pick(["同意退休", "同意，养老保险待遇由社保经办机构核定发放", ""])]], size=0.86)
    d.right("本人签字：", g.pn(name), "  ", g.d(signed))


# -- 人事档案转递通知单 ---------------------------------------------------------------------------
DOSSIER_CLASSES = ["第一类 履历材料", "第二类 自传和思想材料", "第三类 考核鉴定材料", "第四类 学历学位、专业技术职务及培训材料",
                   "第五类 政审、审计和审核材料", "第六类 党、团材料", "第七类 表彰奖励材料", "第八类 违规违纪处分材料",
                   "第九类 工资、任免、出国和会议代表材料", "第十类 其他可供参考的材料"]


@template("personnel", "archive_transfer", {"S3": 3, "S5": 1})
def archive_transfer(g, d):
    """人事档案转递通知单 with its receipt: who is transferred, why, volumes and materials.
    S5: a 干部人事档案 sent sealed by confidential courier, carrying the secrecy marking."""
    cadre = g.restricted
    g.mark_if_restricted(d)
    to_unit = g.pick([g.f.hospital()["name"], f"{g.city}人才交流服务中心", f"{g.city}卫生健康委员会组织人事科",
                      g.pick(["某医科大学研究生院", "某医学院"])])
    title = (g.pick(["干部人事档案转递通知单", "干部档案转递单"]) if cadre else
             g.pick(["人事档案转递通知单", "职工档案转递单", "档案材料转递通知单"]))
    d.title(title, scale=1.45)
    no = f"档转字〔{g.year}〕{g.num(1, 260)}号"
    d.right(no)
    d.left(f"{to_unit}：")
    batch = not cadre and g.chance(0.4)
    people = []
    if batch:
        d.para(f"现将下列人员的{g.pick(['人事档案', '职工档案'])}转去，请按档案内材料目录清点查收，并将回执退回我单位。")
        rows = []
        for k in range(1, g.num(2, 6) + 1):
            sex = g.f.sex()
            nm = g.f.name(sex)
            people.append(nm)
            rows.append([str(k), g.pn(nm), sex, g.pid(g.f.birth(23, 59, g.year), sex),
                         g.pick(["调出", "辞职", "考取研究生", "合同期满", "退休移交"]), str(g.num(1, 2)), str(g.num(12, 96))])
        d.table(["序号", "姓名", "性别", "身份证号", "转递原因", "正本（卷）", "材料（份）"], rows, size=0.84)
    else:
        sex = g.f.sex()
        nm = g.f.name(sex)
        birth = g.f.birth(26, 58, g.year)
        people.append(nm)
        reason = (g.pick(["调任", "交流任职", "组织调动", "选调"]) if cadre else
                  g.pick(["调动", "辞职", "考取全日制研究生", "聘用合同期满", "退休后移交社区管理"]))
        d.para(f"因{reason}，现将", g.pn(nm), f"同志的{'干部人事档案' if cadre else '人事档案'}转去，请查收。")
        d.table(None, [["姓名", g.pn(nm), "性别", sex, "出生年月", g.pbirth(birth)],
                       ["身份证号", g.pid(birth, sex), "原工作科室", g.pick([g.f.dept(), g.f.admin_dept()]),
                        "职务/职称", g.pick(["科室主任", "副院长", "处长", "护士长"]) if cadre else _title(g)],
                       ["档案正本", f"{g.num(1, 2)}卷", "副本", f"{g.num(0, 1)}卷", "材料总数", f"{g.num(20, 160)}份"]], size=0.85)
        if cadre or g.chance(0.5):
            d.heading("档案材料目录（分类及份数）：")
            cls = DOSSIER_CLASSES if cadre else g.f.sample(DOSSIER_CLASSES, g.num(4, 7))
            d.table(["类别", "份数", "备注"], [[c, str(g.num(0, 2) if "处分" in c else g.num(1, 24)), g.pick(["", "", "", "含复印件", "原件"])] for c in cls], size=0.86)
    if cadre:
        d.para(f"本档案已密封并加盖密封章，经{g.pick(['机要交通', '专人送取'])}转递。干部人事档案属国家机密，"
               "严禁本人自带或转交本人，严禁拆封翻阅、复制。接收单位收到后请于一个月内退回回执，逾期未退回的将追查。", indent=0)
    else:
        d.para(f"转递方式：{g.pick(['机要寄送', '专人送取', '中国邮政EMS机要件'])}。档案不得由本人自带，"
               "请收到后及时清点并在回执上签章退回。", indent=0)
    d.kv([("经办人", g.pn()), ("联系电话", g.pphone(False))], cols=2)
    g.sign_date(d, f"{g.hosp['name']}{g.pick(['人力资源部', '组织部', '人事处'])}", dept=g.pick(["", "人事专用章"]))
    d.center("- - - - - - - - - - 沿 此 线 剪 下 - - - - - - - - - -", scale=0.85)
    d.subtitle("回  执", scale=1.1)
    d.para(f"{g.hosp['name']}：你单位{no}转来", g.pn(people[0]) if len(people) == 1 else "上述人员",
           f"{'同志' if len(people) == 1 else ''}的档案正本____卷、副本____卷已收到，经清点无误。", indent=0)
    d.kv([("接收单位（盖章）", ""), ("接收人", ""), ("接收日期", "  年  月  日")], cols=3)
