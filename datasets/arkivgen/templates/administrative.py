"""行政文书类: notices, minutes, official letters, policies, reports to authorities."""

from ..fields import ADMIN_DEPTS
from . import template

NOTICE_SUBJECTS = [
    ("关于开展医疗质量安全专项检查的通知", "为进一步加强医疗质量管理，保障医疗安全，经研究，决定在全院范围内开展医疗质量安全专项检查。"),
    ("关于做好节假日期间值班工作的通知", "为确保节假日期间医院各项工作平稳有序运行，现就值班有关事项通知如下。"),
    ("关于进一步规范公务用车管理的通知", "为加强公务用车管理，降低行政运行成本，根据上级有关规定，结合我院实际，现通知如下。"),
    ("关于开展安全生产月活动的通知", "根据上级部门统一部署，结合我院实际，决定在全院开展安全生产月活动。"),
    ("关于调整院内会议管理办法的通知", "为精简会议、改进会风、提高效率，现对院内会议管理有关事项调整如下。"),
    ("关于加强门诊预约诊疗服务的通知", "为改善患者就医体验，缩短候诊时间，现就进一步做好预约诊疗服务通知如下。"),
    ("关于开展廉洁从业教育活动的通知", "为深入推进党风廉政建设，营造风清气正的行医环境，决定开展廉洁从业专题教育活动。"),
    ("关于做好防汛防台工作的通知", "近期我市将进入主汛期，为确保医院安全度汛，现就有关工作通知如下。"),
]


@template("administrative", "official_notice", {"S2": 5, "S5": 1})
def official_notice(g, d):
    marked = g.mark_if_restricted(d)
    subj, lead = g.pick(NOTICE_SUBJECTS)
    g.red_header(d)
    d.title(subj, scale=1.35)
    d.left("各科室、各部门：")
    d.para(lead)
    for k, item in enumerate(g.f.sample(["高度重视，加强组织领导，明确责任分工。", "对照标准逐项自查，建立问题清单和整改台账。",
                                         "严格执行首诊负责、三级查房、疑难病例讨论等医疗核心制度。",
                                         "加强督导检查，对工作不力的科室予以通报。", "做好信息报送，按时上报工作进展。",
                                         "落实24小时值班和领导带班制度，保持通讯畅通。"], g.num(3, 5)), 1):
        d.para(f"{'一二三四五六'[k - 1]}、{item}")
    if marked:
        d.para("本通知涉及工作秘密，仅限相关科室负责人阅知，不得翻印、转发或在公共网络传播。")
    g.sign_date(d, g.hosp["name"] + g.pick(["", "办公室"]))
    d.left(f"抄送：{g.pick(['院领导', '党委委员', '各职能部门'])}。", scale=0.9)


@template("administrative", "public_announcement", {"S1": 1})
def public_announcement(g, d):
    kind = g.pick(["门诊时间调整", "春节期间门诊安排", "新院区启用", "停车场临时封闭", "就诊流程优化", "预约挂号方式调整"])
    d.title(g.pick(["公  告", "公告", "温馨提示"]), scale=1.8)
    d.para(f"广大患者朋友：为{g.pick(['进一步方便群众就医', '配合院区改造工程', '做好节日期间医疗服务保障'])}，"
           f"经研究，自{g.d(g.day())}起，{kind}有关事项公告如下：")
    d.left("一、急诊科、发热门诊实行24小时开诊。")
    d.left(f"二、普通门诊时间调整为上午{g.pick(['7:30', '8:00'])}至12:00，下午{g.pick(['13:30', '14:00'])}至17:30。")
    d.left("三、患者可通过医院微信公众号、自助机等方式预约挂号。")
    d.para(f"由此给您带来的不便，敬请谅解。咨询电话：12320（卫生健康服务热线）。")
    g.sign_date(d, g.hosp["name"], stamp=g.chance(0.7))


@template("administrative", "meeting_minutes", {"S2": 3, "S3": 2, "S5": 1})
def meeting_minutes(g, d):
    marked = g.mark_if_restricted(d)
    d.title(g.pick(["院长办公会议纪要", "党委会会议纪要", "行政查房会议纪要", "职能部门例会纪要"]), scale=1.4)
    d.center(f"（{g.year}年第{g.num(1, 40)}期）")
    d.kv([("时间", g.d(g.day()) + " " + g.pick(["上午", "下午"])), ("地点", g.pick(["行政楼三楼会议室", "第一会议室", "院部小会议室"]))], cols=2)
    if g.level == "S3":
        names = [g.pn() for _ in range(g.num(4, 8))]
        parts = []
        for n in names:
            parts += [n, "、"]
        d.para("出席：", *parts[:-1], indent=0)
        d.para("记录：", g.pn(), "（联系电话：", g.pphone(), "）", indent=0)
    else:
        d.para("出席：院领导班子成员，" + "、".join(g.f.sample(ADMIN_DEPTS, 4)) + "负责人。", indent=0)
    d.para("会议由" + g.pick(["院长", "党委书记", "分管副院长"]) + "主持，研究了以下事项：", indent=0)
    topics = [("关于医疗设备购置计划的事项", "会议原则同意医学装备部提交的年度设备购置计划，按程序开展论证和采购。"),
              ("关于门诊楼改造工程进度的事项", "会议要求基建处加快工程进度，确保按期完工，同时做好施工期间患者安全防护。"),
              ("关于医疗纠纷处理情况的通报", "会议听取了医务处关于上季度医疗纠纷处理情况的汇报，要求加强医患沟通，落实核心制度。"),
              ("关于绩效考核方案修订的事项", "会议原则通过绩效考核方案修订稿，由人力资源部征求意见后印发执行。"),
              ("关于信息系统等级保护测评的事项", "会议同意信息中心开展等级保护测评工作，所需经费列入年度预算。"),
              ("关于后勤社会化服务合同续签的事项", "会议同意续签保洁、安保服务合同，要求加强服务质量考核。")]
    for k, (t, body) in enumerate(g.f.sample(topics, g.num(2, 4)), 1):
        d.heading(f"{'一二三四'[k - 1]}、{t}")
        d.para(body)
    if marked:
        d.para("本纪要涉及" + g.pick(["人事安排", "重大事项", "上级涉密文件精神"]) + "，属工作秘密，请妥善保管，不得外传。")
    d.sign([g.hosp["name"] + "办公室", g.d(g.day())])


@template("administrative", "official_letter", {"S2": 4, "S5": 1}, en=True)
def official_letter(g, d):
    if g.en:
        d.title("LETTER OF INVITATION", scale=1.3)
        d.left(f"Date: {g.d(g.day())}")
        d.left("To: Department of International Cooperation, partner university hospital")
        d.para(f"On behalf of the hospital, we are pleased to invite a delegation of {g.num(3, 8)} experts to visit us "
               f"for an academic exchange on {g.pick(['emergency medicine', 'hospital management', 'infection control', 'nursing education'])}. "
               "The hospital will cover local accommodation and transport during the visit. Please confirm the schedule "
               "through official channels.", indent=0)
        d.sign(["Office of International Affairs", "(seal)"], stamp=g.seal())
        return
    marked = g.mark_if_restricted(d)
    d.center(g.hosp["name"], scale=1.6)
    d.right(g.f.doc_no(g.hosp["short"], g.year, "函"))
    subj = g.pick(["关于商请协助开展对口支援工作的函", "关于申请调整床位编制的函", "关于商请派员参加联合检查的函",
                   "关于报送年度医疗服务数据的函", "关于商洽共建医联体有关事宜的函"])
    d.title(subj, scale=1.3)
    d.left(g.pick(["市卫生健康委员会：", "区人民政府办公室：", "市医疗保障局：", "省疾病预防控制中心："]))
    d.para(g.pick(["根据上级有关文件精神，结合我院实际，", "为贯彻落实分级诊疗制度，", "按照年度工作安排，"]) +
           g.pick(["现就有关事项函告如下，请予支持。", "拟开展相关合作，现商请贵单位予以协助。", "特将有关情况报送贵单位，请审阅。"]))
    d.para(g.pick(["我院拟于近期派出医疗队赴对口支援单位开展为期半年的帮扶工作，涉及内科、外科、妇产科等专业。",
                   "我院现有编制床位1200张，实际开放床位1386张，床位使用率长期超过100%，特申请调整床位编制。",
                   "我院愿与贵单位建立紧密型医联体，在双向转诊、人才培养、远程会诊等方面深化合作。"]))
    if marked:
        d.para("此函涉及工作秘密，请按涉密文件管理规定办理，阅后收回。")
    d.para("特此函告，盼复。")
    g.sign_date(d)
    d.left("（联系人：院办公室）", scale=0.9)


@template("administrative", "annual_report", {"S1": 1, "S2": 2, "S5": 1})
def annual_report(g, d):
    marked = g.mark_if_restricted(d)
    pub = g.level == "S1"
    d.title(f"{g.hosp['name']}{g.year}年度工作{g.pick(['总结', '报告'])}" + ("（社会公开版）" if pub else ""), scale=1.3)
    d.para(f"{g.year}年，在上级主管部门的正确领导下，医院坚持公益性办院方向，各项工作取得新成效。现将全年工作报告如下：")
    d.heading("一、主要业务指标完成情况")
    d.table(["指标", f"{g.year}年", f"{g.year - 1}年", "同比"],
            [["门急诊人次", f"{g.num(60, 300)}万", f"{g.num(60, 300)}万", f"{g.num(-5, 15)}%"],
             ["出院人次", f"{g.num(3, 12)}万", f"{g.num(3, 12)}万", f"{g.num(-5, 15)}%"],
             ["手术台次", f"{g.num(1, 6)}万", f"{g.num(1, 6)}万", f"{g.num(-5, 15)}%"],
             ["平均住院日", f"{g.num(60, 95) / 10}天", f"{g.num(60, 95) / 10}天", f"{g.num(-10, 3)}%"]])
    d.heading("二、重点工作")
    d.para("持续改进医疗质量，推进临床路径管理；加强重点专科建设；深化智慧医院建设，上线互联网医院；落实公立医院绩效考核要求。")
    d.heading("三、存在问题及下一步打算")
    d.para("学科发展不平衡、高层次人才不足等问题仍然存在。下一年度将重点加强人才引进和学科建设。")
    if marked:
        d.para("（本报告含未公开统计数据，属工作秘密，仅报送上级主管部门。）")
    g.sign_date(d, stamp=not pub)


@template("administrative", "duty_roster", {"S3": 1})
def duty_roster(g, d):
    month = g.num(1, 12)
    d.title(f"{g.year}年{month}月行政总值班安排表", scale=1.35)
    rows = []
    for day in range(1, g.num(10, 28) + 1):
        rows.append([f"{month}月{day}日", g.pick(["一", "二", "三", "四", "五", "六", "日"]), g.pn(), g.pphone(True),
                     g.pn(), g.pphone(True)])
    d.table(["日期", "星期", "总值班", "联系电话", "带班领导", "联系电话"], rows, size=0.85)
    d.para("值班要求：值班人员须24小时保持通讯畅通，不得擅离职守；遇重大突发事件及时向带班领导报告。", indent=0)
    d.right("院办公室  " + g.d(g.day()))


@template("administrative", "complaint_handling", {"S3": 2, "S4": 3})
def complaint_handling(g, d):
    p = g.patient(5, 90)
    d.title("患者投诉接待及处理记录表", scale=1.35)
    rows = [["投诉人", g.pn(), "联系电话", g.pphone(True)],
            ["患者姓名", g.pn(p["name"]), "就诊科室", g.f.dept()],
            ["接待日期", g.d(g.day()), "接待人", g.pn()]]
    d.table(None, rows)
    d.heading("投诉内容：")
    if g.level == "S4":
        dx = g.f.diagnosis(False)
        d.para(f"投诉人称患者因{dx[0]}住院治疗期间，{g.pick(['术后出现切口感染', '用药后出现皮疹未及时处理', '检查报告延迟导致治疗延误'])}，"
               "对诊疗过程有异议，要求医院给予解释并承担相应费用。")
        d.heading("调查处理：")
        d.para("经医务处调阅病历、约谈当事医师，认为诊疗行为基本符合规范，但医患沟通不足。已向投诉人解释，并建议通过医疗纠纷人民调解委员会解决。")
    else:
        d.para(g.pick(["投诉人反映门诊挂号窗口排队时间过长，工作人员服务态度生硬。",
                       "投诉人反映住院部停车难，保安指挥不当。",
                       "投诉人反映病房卫生间保洁不及时。",
                       "投诉人反映收费处多收挂号费。"]))
        d.heading("调查处理：")
        d.para("经核实情况属实，已对相关人员进行批评教育，向投诉人致歉，并制定改进措施。投诉人对处理结果表示满意。")
    d.sign(["处理部门：" + g.pick(["医务处", "门诊部", "患者服务中心"]), g.d(g.day())])


@template("administrative", "management_policy", {"S1": 1, "S2": 3})
def management_policy(g, d):
    name = g.pick(["医院印章管理办法", "公文处理实施细则", "会议管理规定", "督查督办工作制度", "信息公开管理办法",
                   "外来人员来访管理规定", "公务接待管理规定", "合同管理办法"])
    d.title(f"{g.hosp['name']}{name}", scale=1.3)
    if g.level == "S1":
        d.center("（依申请公开）", scale=0.9)
    chapters = ["总则", "职责分工", "管理要求", "监督检查", "附则"]
    for k, ch in enumerate(chapters, 1):
        d.subtitle(f"第{'一二三四五'[k - 1]}章  {ch}", scale=1.0)
        for a in range(g.num(1, 3)):
            d.para(f"第{g.num(1, 30)}条  " + g.pick([
                "本办法适用于医院各科室、各部门及全体工作人员。", "院办公室是本办法的归口管理部门，负责组织实施和监督检查。",
                "各部门应指定专人负责，建立登记台账，做到手续完备、有据可查。", "违反本办法规定的，视情节轻重予以通报批评或追究责任。",
                "本办法由院办公室负责解释，自印发之日起施行。", "办理过程中应严格履行审批程序，不得越权办理。"]))
    d.right(g.d(g.day()) + "印发")


@template("administrative", "request_report", {"S2": 1})
def request_report(g, d):
    g.red_header(d, doc_kind="请")
    subj = g.pick(["关于申请购置救护车的请示", "关于增设儿童哮喘专病门诊的请示", "关于申请调整部分医疗服务价格的请示",
                   "关于申请专项资金用于院区消防改造的请示", "关于申请增加互联网诊疗科目的请示"])
    d.title(subj, scale=1.3)
    d.left(g.pick(["市卫生健康委员会：", "市财政局：", "区卫生健康局："]))
    d.para("我院现有" + g.pick(["救护车6辆，其中3辆已超过报废年限", "相关专业就诊量逐年上升", "医疗服务项目价格多年未调整"]) +
           f"，已难以满足{g.pick(['急救', '临床', '群众就医'])}需求。为保障医疗服务质量，特申请" +
           g.pick([f"专项资金{g.num(50, 900)}万元", "相关事项予以批准", "按程序予以调整"]) + "。")
    d.para("妥否，请批示。")
    g.sign_date(d)


@template("administrative", "quality_statistics", {"S2": 1})
def quality_statistics(g, d):
    """Aggregate disease statistics: diagnosis vocabulary without any patient — internal, not health data."""
    q = g.num(1, 4)
    d.title(f"{g.year}年第{'一二三四'[q - 1]}季度医疗质量与传染病报告情况通报", scale=1.25)
    d.left("各临床科室：")
    d.para(f"现将本季度医疗质量主要指标及法定传染病报告情况通报如下（数据来源：病案统计室，已去除个人信息）：")
    rows = []
    for name in g.f.sample(["急性心肌梗死", "脑梗死", "社区获得性肺炎", "髋关节置换术", "剖宫产", "慢性心力衰竭",
                            "2型糖尿病", "围手术期预防感染"], g.num(3, 6)):
        rows.append([name, str(g.num(20, 600)), f"{g.num(70, 99)}%", f"{g.num(0, 30) / 10}%"])
    d.table(["单病种/指标", "例数", "核心指标符合率", "死亡率"], rows)
    d.para(f"本季度共报告法定传染病{g.num(20, 300)}例，其中病毒性肝炎{g.num(5, 80)}例、肺结核{g.num(1, 40)}例、"
           f"梅毒{g.num(1, 30)}例、艾滋病病毒感染{g.num(0, 8)}例，均在规定时限内完成网络直报，无迟报漏报。")
    d.para("请各科室对照指标查找不足，持续改进医疗质量。")
    g.sign_date(d, "医务处  质量管理办公室", stamp=g.chance(0.4))


@template("administrative", "health_campaign", {"S1": 1})
def health_campaign(g, d):
    """Public health-promotion notice: special-category vocabulary in a public (S1) document."""
    day, topic, act = g.pick([
        ("12月1日世界艾滋病日", "艾滋病", "免费HIV抗体快速检测及咨询（匿名、保密）"),
        ("10月10日世界精神卫生日", "心理健康", "抑郁、焦虑量表筛查及心理咨询"),
        ("全国爱眼日", "眼健康", "免费视力及眼压筛查"),
        ("世界防治结核病日", "结核病", "结核病防治知识咨询"),
        ("全国科普日", "性病防治", "梅毒、淋病防治知识讲解与免费咨询"),
    ])
    d.title(f"“{day}”大型义诊活动公告", scale=1.3)
    d.para(f"为普及{topic}防治知识，提高群众健康意识，我院定于{g.d(g.day())}上午8:30—11:30"
           f"在{g.pick(['门诊楼前广场', '市民广场', '社区卫生服务中心'])}举办大型义诊及健康宣传活动。")
    d.left(f"活动内容：{act}；发放健康宣传资料；专家现场答疑。")
    d.left("参加科室：" + "、".join(g.f.sample(["感染科", "精神科", "心理卫生科", "皮肤科", "眼科", "健康管理中心", "疾控科"], 3)))
    d.para("欢迎广大市民踊跃参加。活动期间不收取任何费用。")
    d.right(g.hosp["name"])


@template("administrative", "news_digest", {"S1": 1})
def news_digest(g, d):
    """A public bulletin (院报/信息简报): general-domain news briefs and a few hospital items."""
    from ..phrases import category_paragraph, headline, news_item
    d.title(g.pick([f"{g.hosp['short']}院报", "信息简报", "新闻摘编", "每周资讯", "职工之家简讯"]), scale=1.5)
    d.center(f"{g.year}年第{g.num(1, 52)}期  {g.pick(['宣传科编', '党委宣传部主办', '工会编印'])}")
    d.hr(1.2)
    for _ in range(g.num(3, 8)):
        if g.chance(0.5):
            d.left("· " + headline(g), bold=g.chance(0.5))
        else:
            d.heading(headline(g))
            d.para(news_item(g))
    if g.chance(0.4):
        d.heading(g.pick(["院内动态", "本院要闻"]))
        d.para(category_paragraph(g, "administrative", 2))


@template("administrative", "web_headlines", {"S1": 1})
def web_headlines(g, d):
    """A printout of a news list page (院网新闻/媒体报道): a few headlines with dates — short public text."""
    from ..phrases import headline
    if g.chance(0.6):
        d.left(g.pick(["新闻动态", "媒体关注", "院网新闻", "资讯列表", "今日头条"]), bold=True)
    for _ in range(g.num(1, 6)):
        day = g.day()
        d.left(headline(g) + (f"  {day.isoformat()}" if g.chance(0.6) else ""))


PHONE_NOTICES = [
    ("市卫生健康委医政医管处", "明日上午9时召开全市医疗质量安全视频会议，请分管院领导及医务处负责人在视频会议室参会。"),
    ("市卫生健康委办公室", "本周五前报送上半年重点工作完成情况，电子版发指定邮箱，纸质版加盖公章报送。"),
    ("区疾病预防控制中心", "近期将开展传染病报告质量督导，请提前准备近三个月的传染病报告卡及门诊日志。"),
    ("市医疗保障局", "下周起启用新版医保结算接口，请信息中心做好系统切换和测试工作。"),
    ("市应急管理局", "受强降雨影响，请各单位加强值班值守，落实防汛措施，发现险情及时报告。"),
    ("市卫生健康委基层卫生处", "请于本月底前报送对口支援工作总结及下一年度支援计划。"),
    ("市急救中心", "今晚举办大型体育赛事，请做好医疗保障和急诊床位准备。"),
]


@template("administrative", "phone_notice_record", {"S2": 2, "S3": 1})
def phone_notice_record(g, d):
    """电话通知记录单: who called, the message, the leader's instruction, how it was handled.
    S3 when the caller's name and number and the clerk's name are written down."""
    unit, msg = g.pick(PHONE_NOTICES)
    named = g.level == "S3"
    d.title(g.pick(["电话通知记录单", "来电记录", "上级电话通知登记表"]), scale=1.45)
    d.right(f"编号：{g.year}-{g.num(1, 400):03d}")
    when = g.day()
    rows = [["来电单位", unit, "来电时间", f"{g.d(when)} {g.f.time()}"]]
    if named:
        rows.append(["联系人", g.pn(), "联系电话", g.pphone()])
    d.table(None, rows)
    d.heading("通知内容：")
    d.para(msg)
    d.heading("领导批示：")
    d.para(g.pick(["请医务处落实。", "请院办协调相关部门按时办理。", "阅，请相关职能部门按要求执行并反馈。",
                   "请分管领导阅示，相关科室抓紧落实。"]))
    d.heading("办理结果：")
    d.para(g.pick(["已电话通知相关科室负责人，按时参加。", "材料已按要求报送。", "已转相关部门办理，办结后归档。",
                   "已在院内办公系统发布通知。"]))
    if named:
        d.right("记录人：", g.pn(), "  ", g.d(when))
    else:
        d.right("院长办公室  ", g.d(when))


INSPECTION_ITEMS = [
    ("核心制度落实", "部分科室三级查房记录不完整，交接班记录未签名"), ("医院感染防控", "个别病区手卫生依从性偏低，医疗废物暂存点标识不清"),
    ("药事管理", "高警示药品未单独存放，部分科室备用药品过期未及时清理"), ("护理质量", "危重患者护理记录书写不规范"),
    ("安全生产", "个别库房消防通道堆放杂物"), ("行风建设", "门诊个别窗口服务用语不规范"),
    ("合理检查", "部分检查申请单缺少临床指征"), ("信息安全", "个别终端未设置开机密码，离开时未锁屏"),
    ("病历管理", "出院病历归档不及时"), ("环境卫生", "部分卫生间保洁不到位"),
]


@template("administrative", "inspection_feedback", {"S2": 3, "S5": 1})
def inspection_feedback(g, d):
    """督查情况通报: a table of findings per department with deadlines and the demands.
    S5 when the inspection feedback of a higher authority is marked as a work secret."""
    marked = g.mark_if_restricted(d)
    q = g.num(1, 4)
    d.title(g.pick([f"关于{g.year}年第{'一二三四'[q - 1]}季度综合督查情况的通报",
                    "关于行政查房发现问题整改情况的通报", "关于上级巡查反馈问题整改落实情况的报告" if marked else "关于节前安全检查情况的通报"]),
            scale=1.3)
    d.left("各科室、各部门：")
    d.para(f"{g.d(g.day())}，由{g.pick(['院领导带队', '质量管理办公室牵头', '院办公室组织'])}，会同"
           + "、".join(g.f.sample(["医务处", "护理部", "医院感染管理科", "总务处", "保卫处", "药学部"], 3))
           + f"对{g.num(8, 30)}个科室进行了督查。现将有关情况通报如下：")
    rows = []
    for k, (item, issue) in enumerate(g.f.sample(INSPECTION_ITEMS, g.num(4, 8)), 1):
        rows.append([str(k), g.pick([g.f.dept(), g.f.admin_dept()]), item, issue, g.pick(["立行立改", "7日内", "15日内", "30日内"])])
    d.table(["序号", "被查部门", "督查项目", "发现问题", "整改时限"], rows, size=0.86)
    d.heading("整改要求")
    d.para("各科室要对照问题清单逐条整改，举一反三，建立长效机制。整改完成后将整改报告报送院办公室，"
           "督查组将适时组织复查，整改不力的纳入科室年度考核。")
    if marked:
        d.para("本通报涉及上级" + g.pick(["巡察", "审计", "专项督查"]) + "反馈的具体问题线索，属工作秘密，"
               "仅限院领导及相关部门负责人阅知，不得复印、转发。")
    g.sign_date(d, g.hosp["name"] + "办公室", stamp=g.chance(0.6))


PROPOSALS = [
    ("关于缓解医院周边停车难问题的建议", "我院已协调交通管理部门在院区周边增设临时停车泊位{n}个，并推行诊前预约停车，"
                                      "新建地下停车场已列入医院发展规划。"),
    ("关于延长专家门诊服务时间的建议", "自本年度起，我院在工作日中午和周六上午增开专家门诊，每周新增号源约{n}个。"),
    ("关于优化老年人就医流程的建议", "我院已在门诊大厅设立老年人服务窗口，保留人工挂号和现金收费，配备志愿者{n}名提供导诊服务。"),
    ("关于加强社区慢病管理的建议", "我院与辖区{n}家社区卫生服务中心组建医联体，派驻专科医生定期坐诊，畅通双向转诊通道。"),
    ("关于推进检查检验结果互认的建议", "我院已接入全市检查检验结果互认平台，互认项目{n}项，减少患者重复检查。"),
]


@template("administrative", "proposal_reply", {"S1": 1})
def proposal_reply(g, d):
    """对人大代表建议/政协委员提案的答复 (公开): a reply letter to a deputy's suggestion."""
    subj, body = g.pick(PROPOSALS)
    body = body.replace("{n}", str(g.num(3, 200)))
    kind = g.pick(["建议", "提案"])
    d.right(g.pick(["A类", "B类"]) + ("（所提问题已经解决或采纳）" if g.chance(0.6) else ""))
    d.right("（此件公开发布）" if g.chance(0.7) else "公开属性：主动公开")
    d.title(f"关于市{'人大' if kind == '建议' else '政协'}{g.pick(['十六', '十七', '十八'])}届{g.pick(['一', '二', '三', '四'])}次会议"
            f"第{g.num(1, 600)}号{kind}的答复", scale=1.2)
    d.left("尊敬的" + ("代表：" if kind == "建议" else "委员："))
    d.para(f"您提出的《{subj}》收悉。感谢您对医院工作的关心和支持。经认真研究，现答复如下：")
    d.para(f"一、基本情况。{g.hosp['name']}年门急诊量约{g.num(50, 400)}万人次，就医需求持续增长，"
           "您所反映的问题是群众就医过程中的实际困难，医院高度重视。")
    d.para("二、已开展的工作。" + body)
    d.para("三、下一步打算。我院将继续以改善群众就医体验为目标，" + g.pick(["加强与有关部门的沟通协调", "持续优化服务流程",
                                                              "加大信息化建设投入"]) + "，认真落实您的意见建议。")
    d.para("再次感谢您对我院工作的关心，欢迎继续提出宝贵意见。")
    g.sign_date(d)


# (issuing authority, document-number prefix, departments that handle it, typical incoming titles)
INCOMING = [
    ("市卫生健康委员会", "卫医", ["医务处", "质量管理办公室", "门诊部"], ["关于印发{y}年全市医疗质量安全改进目标的通知", "关于开展改善就医感受提升患者体验主题活动的通知",
                            "关于做好{y}年度公立医院绩效考核数据填报工作的通知", "关于进一步加强院前急救与院内急诊衔接的通知"]),
    ("市卫生健康委员会办公室", "卫办", ["院长办公室", "党委办公室"], ["关于报送{y}年上半年重点工作进展情况的通知", "关于做好春节期间卫生健康系统值班值守工作的通知",
                               "关于转发省卫生健康委关于加强政务信息报送工作的通知"]),
    ("市医疗保障局", "医保发", ["医保办公室", "财务处"], ["关于调整部分医疗服务项目医保支付标准的通知", "关于开展定点医疗机构医保基金使用自查自纠的通知"]),
    ("市财政局", "财社", ["财务处"], ["关于下达{y}年公立医院综合改革补助资金的通知", "关于做好{y}年部门决算编报工作的通知"]),
    ("市人力资源和社会保障局", "人社发", ["人力资源部"], ["关于做好{y}年度事业单位工作人员年度考核工作的通知", "关于开展卫生系列高级职称评审工作的通知"]),
    ("市应急管理局", "应急", ["保卫处", "总务处"], ["关于切实做好汛期安全防范工作的通知", "关于开展安全生产大检查的通知"]),
    ("市疾病预防控制中心", "疾控", ["医院感染管理科", "医务处"], ["关于开展{y}年传染病报告质量和管理现状调查的通知", "关于做好秋冬季呼吸道传染病防控工作的通知"]),
    ("区人民政府办公室", "政办", ["院长办公室", "医务处", "宣传中心"], ["关于开展全国文明城市创建迎检工作的通知", "关于做好辖区重大活动医疗保障工作的通知"]),
]


@template("administrative", "incoming_doc_register", {"S2": 1})
def incoming_doc_register(g, d):
    """收文登记簿 / 公文处理签: incoming documents from authorities, routing and the leaders' instructions
    (roles only) — internal office business without personal data."""
    pref = g.city[0]

    def incoming():
        unit, abbr, depts, titles = g.pick(INCOMING)
        return unit, f"{pref}{abbr}〔{g.year}〕{g.num(1, 260)}号", g.pick(titles).replace("{y}", str(g.year)), g.pick(depts)

    if g.chance(0.5):
        # one slip stapled on top of the incoming document
        unit, no, title, dept = incoming()
        recv = g.day()
        d.title(g.pick(["公文处理签", "收文处理笺", "文件阅办单"]), scale=1.5)
        d.right(f"收文编号：{g.hosp['short']}收〔{g.year}〕{g.num(1, 900)}号")
        rows = [["来文机关", unit, "来文字号", no],
                ["收文日期", g.d(recv), "紧急程度", g.pick(["平件", "平件", "急件", "特急"])],
                ["文件标题", title, "份数", str(g.pick([1, 1, 2, 3]))]]
        d.table(None, rows)
        d.heading("拟办意见：")
        d.para(g.pick([f"建议呈分管院领导阅示，由{dept}牵头办理。", f"拟请{dept}阅办，按文件要求按时报送材料。",
                       f"此件请院长阅，转{dept}及相关科室贯彻落实。"]) + f"（院长办公室  {g.d(g.f.later(recv, 0, 1))}）")
        d.heading("领导批示：")
        d.para(g.pick(["同意拟办意见。", "请按文件要求抓紧落实，办理情况及时报告。", f"请{dept}牵头，会同相关部门研究落实，"
                       f"{g.f.later(recv, 5, 20).month}月{g.f.later(recv, 5, 20).day}日前反馈。"])
               + g.pick(["（院长）", "（分管副院长）", "（党委书记）"]))
        if g.chance(0.7):
            d.heading("传阅情况：")
            readers = g.f.sample(["院长", "党委书记", "分管医疗副院长", "分管后勤副院长", "总会计师", "纪委书记"], g.num(2, 4))
            d.table(["传阅对象", "送阅时间", "退回时间", "备注"],
                    [[r, g.d(g.f.later(recv, 0, 2)), g.d(g.f.later(recv, 2, 5)), g.pick(["已阅", "已阅", "圈阅"])] for r in readers],
                    size=0.88)
        d.heading("办理结果：")
        d.para(g.pick(["已按要求报送，材料存档备查。", f"已转{dept}办理，办结后随文归档。", "已在院周会传达，相关科室落实。",
                       "已以院发文件形式转发全院执行。"]))
        d.left(f"归档日期：{g.d(g.f.later(recv, 10, 40))}        归档部门：档案室", scale=0.9)
        return
    # the register book itself
    month = g.num(1, 12)
    d.title(g.pick([f"{g.year}年收文登记簿", "收文登记表", "上级来文登记簿"]), scale=1.45)
    d.kv([("登记部门", g.pick(["院长办公室", "党委办公室", "院办机要文书室"])), ("登记期间", f"{g.year}年{month}月")], cols=2)
    rows = []
    day = g.f.date(g.year, g.year).replace(month=month, day=1)
    for k in range(1, g.num(6, 18) + 1):
        day = g.f.later(day, 0, 2)
        unit, no, title, dept = incoming()
        rows.append([f"{k:03d}", f"{day.month}.{day.day}", unit, no, title, dept,
                     g.pick(["已办结", "已办结", "已传阅", "办理中", "已报送"])])
    d.table(["收文号", "日期", "来文单位", "文号", "标题", "承办部门", "办理情况"], rows, size=0.8)
    d.para(g.pick(["说明：上级来文统一由院长办公室签收登记，按拟办、批办、承办、催办、归档的程序办理；办理完毕的文件于次年"
                   "一季度前整理归档。", "说明：急件当日呈送，平件三个工作日内提出拟办意见；承办部门办结后将办理结果反馈院办。"]),
           indent=0)


PETITION_PLAIN = [
    ("医院新建住院楼夜间施工噪声扰民", "要求医院限制夜间施工时间", "基建处"),
    ("院区周边停车收费标准偏高且车位不足", "要求降低收费并增设车位", "总务处"),
    ("其参加医院公开招聘笔试后未收到面试通知", "要求公开成绩并说明理由", "人力资源部"),
    ("医院食堂承包合同到期后未公开招标", "要求公开招标程序", "采购中心"),
    ("其作为退休职工，取暖补贴发放标准低于其他单位", "要求按规定补发", "离退休工作处"),
    ("门诊窗口工作人员态度生硬，拒绝为老年人办理现金挂号", "要求对相关人员批评教育", "门诊部"),
    ("院区救护车出入鸣笛影响周边小区居民休息", "要求规范鸣笛时段", "总务处"),
]
PETITION_ISSUES = ["治疗后出现并发症，认为医院诊疗存在过错", "住院期间病情加重，认为医师未及时处理",
                   "出院结算时发现多项检查费用重复收取", "认为医院未充分告知手术风险", "病情告知与家属沟通不足"]


@template("administrative", "petition_register", {"S3": 3, "S4": 3, "S5": 1})
def petition_register(g, d):
    """信访事项登记表 / 处理意见书: a citizen's letter or visit, its routing and the answer. S3 for matters
    without health details; S4 when it concerns a patient's treatment; S5 for HIV/psychiatric/genetic/
    reproductive matters (privacy of a special diagnosis, involuntary psychiatric admission)."""
    sex = g.f.sex()
    birth = g.f.birth(20, 80, g.year)
    who = g.pn(g.f.name(sex))
    way = g.pick(["来信", "来访", "网上信访", "12345市民热线转办", "市信访局转办"])
    recv = g.day()
    no = f"XF{g.year}{g.num(1, 999):04d}"
    dept = g.pick(["医务处", "医患关系办公室"])
    p = None
    if g.level == "S3":
        matter, demand, dept = g.pick(PETITION_PLAIN)
        summary = [f"信访人反映{matter}，{demand}。"]
    else:
        p = g.patient(12, 88)
        dx = g.f.diagnosis(True if g.level == "S5" else False)
        rel = g.pick(["其父亲", "其母亲", "其配偶", "其子", "其女", "其本人"])
        own = g.year - birth.year
        p["sex"] = {"其父亲": "男", "其子": "男", "其母亲": "女", "其女": "女", "其本人": sex}.get(rel, "女" if sex == "男" else "男")
        p["age"] = {"其父亲": own + g.num(22, 35), "其母亲": own + g.num(22, 35), "其子": max(1, own - g.num(22, 35)),
                    "其女": max(1, own - g.num(22, 35)), "其本人": own}.get(rel, own + g.num(-5, 5))
        kind = g.pick(["住院号", "病案号"])
        summary = [f"信访人称{rel}"] + ([] if rel == "其本人" else [g.pn(p["name"])]) + [
            f"（{p['sex']}，{p['age']}岁，{kind}：", g.pmrn(kind), "）"]
        seen = g.f.later(recv, -150, -10)
        when = f"{seen.year}年{seen.month}月"
        if g.level == "S5" and dx[3] == "psychiatric":
            summary.append(f"{when}因{dx[0]}被家属送入我院精神科封闭病区住院，" + g.pick([
                "信访人认为属非自愿住院，要求立即出院并复印全部病历。",
                "住院期间被实施保护性约束，信访人认为约束时间过长，要求医院说明依据。"]))
        elif g.level == "S5":
            summary.append(f"{when}在我院{dx[2]}就诊，诊断为{dx[0]}，" + g.pick([
                "信访人认为其诊断结果被告知工作单位，个人隐私遭到泄露，要求医院调查并追究相关人员责任。",
                "检验结果通过短信发送至其他家属手机，信访人认为医院泄露隐私，要求赔礼道歉。"]))
        else:
            summary.append(f"{when}因{dx[0]}在我院{dx[2]}住院治疗，" + g.pick(PETITION_ISSUES) + "，"
                           + g.pick(["要求医院给予书面答复。", "要求赔偿相关损失。", "要求组织专家重新评估。"]))
    if g.chance(0.55):
        d.title(g.pick(["信访事项登记表", "来信来访登记处理单", "信访件处理单"]), scale=1.45)
        d.right(f"信访编号：{no}")
        rows = [["信访人", who, "性别", sex],
                ["身份证号", g.pid(birth, sex), "联系电话", g.pphone()],
                ["通讯地址", g.paddr(), "信访方式", way],
                ["受理日期", g.d(recv), "来访人数", f"{g.pick([1, 1, 1, 2, 3])}人"]]
        d.table(None, rows, size=0.9)
        d.heading("信访事项摘要：")
        d.para(*summary)
        if g.chance(0.6):
            d.heading("领导批示：")
            d.para(g.pick([f"请{dept}调查核实，依法依规答复。", "请相关职能部门认真核查，按时限办结，防止矛盾激化。",
                           f"转{dept}办理，院信访办跟踪督办。"]))
        d.heading("办理情况：")
        d.kv([("承办部门", dept), ("办理时限", "自受理之日起60日内"),
              ("答复方式", g.pick(["书面答复", "当面答复", "电话答复并寄送书面意见"])), ("办结日期", g.d(g.f.later(recv, 10, 60)))], cols=2)
        d.para(g.pick(["已将处理意见告知信访人，信访人表示接受。", "信访人对处理意见不满意，已告知其复查途径。",
                       "经调查，信访人反映的问题部分属实，已督促相关部门整改。"]))
        d.sign(["院信访办公室", g.d(g.f.later(recv, 1, 3))])
        return
    # a written answer sent to the petitioner
    d.title("信访事项处理意见书", scale=1.45)
    d.right(f"{g.hosp['short']}信复〔{g.year}〕{g.num(1, 90)}号")
    d.left(who, "：")
    d.para(f"您于{g.d(recv)}通过{way}反映的问题收悉，我院依法予以受理。经调查核实，现将处理意见告知如下：")
    d.heading("一、反映的主要问题")
    d.para(*summary)
    d.heading("二、调查核实情况")
    if p is None:
        d.para(f"{dept}会同相关部门查阅了有关资料，听取了当事人员的说明。" +
               g.pick(["您反映的情况基本属实。", "您反映的情况部分属实。", "经核查，相关工作符合规定程序。"]))
    else:
        d.para("医务处调阅了患者全部病历资料，约谈了经治医师和护理人员，并组织院内专家进行讨论。" +
               g.pick(["认为诊疗过程基本符合诊疗规范，但病情告知不够充分。", "认为相关处置符合法律法规和诊疗规范。"]))
    d.heading("三、处理意见")
    d.para(g.pick(["已对相关人员进行批评教育，并完善工作流程。", "医院将进一步加强管理，改进服务。",
                   "如您对诊疗过程仍有异议，可依法申请医疗纠纷人民调解或向人民法院提起诉讼。" if p else "医院将在规定时限内公开相关信息。"]))
    d.para(f"如对本处理意见不服，可自收到本意见书之日起30日内向{g.city}卫生健康委员会请求复查。")
    g.sign_date(d, date=g.f.later(recv, 10, 55))
    d.left("送达地址：", g.paddr(), scale=0.9)
    if g.chance(0.6):
        d.left("信访人联系电话：", g.pphone(), scale=0.9)


@template("administrative", "assistance_summary", {"S1": 1, "S2": 2})
def assistance_summary(g, d):
    """对口支援/帮扶工作: S2 the internal summary to the Party committee (funds, problems, plans);
    S1 the 院务公开 version published on the website for public supervision."""
    regions = [g.f.region() for _ in range(g.num(1, 3))]
    sites = [r[3] + g.pick(["人民医院", "中医医院", "妇幼保健院", "中心卫生院"]) for r in regions]
    kind = g.pick(["城乡医院对口支援", "“组团式”医疗人才帮扶", "东西部协作医疗帮扶", "医联体紧密型帮扶"])
    figs = [("派驻医务人员", f"{g.num(4, 40)}人次"), ("门急诊诊疗", f"{g.num(800, 20000)}人次"), ("开展手术", f"{g.num(30, 900)}台次"),
            ("教学查房", f"{g.num(20, 300)}次"), ("专题讲座", f"{g.num(5, 80)}场"), ("带教本地骨干", f"{g.num(5, 60)}人"),
            ("新技术新项目", f"{g.num(2, 25)}项")]
    if g.level == "S1":
        d.title(g.pick([f"{g.hosp['name']}{g.year}年对口支援工作情况公示", f"院务公开：{g.year}年{kind}工作成效",
                        f"关于{g.year}年度{kind}工作情况的公告"]), scale=1.3)
        d.para(f"根据院务公开工作有关规定，现将我院{g.year}年{kind}工作情况予以公开，接受社会各界监督。")
        d.para(f"一、帮扶对象。我院与{'、'.join(sites)}建立{kind}关系，重点帮扶" +
               "、".join(g.f.sample(["急诊急救", "重症医学", "妇产科", "儿科", "麻醉科", "影像诊断", "中医科", "护理管理"], 3)) + "等专业。")
        d.para("二、主要成效。全年" + "，".join(f"{a}{b}" for a, b in g.f.sample(figs, g.num(4, 6))) +
               "。受援医院" + g.pick(["首次独立开展腹腔镜手术", "通过二级甲等医院复审", "建成县域胸痛中心", "新生儿救治能力明显提升"]) + "。")
        d.para("三、下一步工作。我院将继续选派业务骨干，推动优质医疗资源下沉，让群众在家门口看好病。")
        d.para(g.pick(["本公告在医院官网“院务公开”栏目发布，欢迎社会各界监督。", "如对上述内容有意见建议，欢迎通过医院官网院长信箱反映。",
                       f"公示期：{g.d(g.day())}起7个工作日。"]))
        g.sign_date(d, stamp=g.chance(0.5))
        return
    g.mark_if_restricted(d)
    d.title(g.pick([f"{g.year}年度对口支援工作总结", f"{kind}工作情况报告", f"关于{g.year}年{kind}工作的总结"]), scale=1.35)
    d.left(g.pick(["院党委：", "院长办公会：", "市卫生健康委基层卫生处："]))
    d.para(f"按照上级部署，我院{g.year}年继续承担对{'、'.join(sites)}的帮扶任务。在院党委领导下，医务处牵头，各临床科室密切配合，"
           "较好地完成了年度目标任务。现将有关情况报告如下：")
    d.heading("一、主要工作指标")
    if g.chance(0.6):
        d.table(["项目", f"{g.year}年", "累计", "年度目标"],
                [[a, b, f"{int(''.join(c for c in b if c.isdigit())) * g.num(2, 5)}", g.pick(["已完成", "已完成", "未完成"])]
                 for a, b in figs[:g.num(5, 7)]], size=0.9)
    else:
        d.kv(figs, cols=2)
    d.heading("二、经费使用情况")
    total = g.num(30, 400)
    d.para(f"全年使用帮扶专项经费{total}万元，其中派驻人员补助{total * g.num(30, 50) // 100}万元，"
           f"捐赠设备{total * g.num(20, 40) // 100}万元，其余用于培训及交通。经费实行专账核算，未发现挪用情况。")
    d.heading("三、存在的问题")
    for k, t in enumerate(g.f.sample(["部分派驻人员驻点时间不足，存在“走读”现象。", "受援医院设备条件有限，部分技术难以持续开展。",
                                      "本院人员紧张，派驻工作与本科室临床任务存在矛盾。", "帮扶考核指标偏重数量，质量评价不够。",
                                      "受援医院人才流失较多，带教成效难以巩固。"], g.num(2, 3)), 1):
        d.para(f"{k}. {t}", indent=0)
    d.heading("四、下一步打算")
    d.para("优化派驻人员轮换机制，将帮扶工作纳入职称晋升和绩效考核；加强远程会诊和远程教学，推动帮扶由“输血”向“造血”转变。")
    d.left(g.pick(["（内部资料，仅供院领导参阅）", "（报送：院党委、市卫生健康委）", ""]), scale=0.9)
    g.sign_date(d, g.hosp["name"] + g.pick(["医务处", "对口支援办公室", ""]), stamp=g.chance(0.6))


PRESS_EVENTS = [
    ("我院成功开展首例{tech}", "{hosp}{dept}团队成功为一名{age}岁患者实施{tech}，术后患者恢复良好，已康复出院。该技术的开展，"
     "填补了本地区该领域的空白。"),
    ("{hosp}新院区正式启用", "{hosp}新院区正式投入使用。新院区总建筑面积约{n}万平方米，设置床位{k}张，开设临床科室{m}个。"),
    ("我院胸痛中心通过国家标准版认证", "经中国胸痛中心认证工作委员会审核，{hosp}胸痛中心正式通过国家标准版认证，"
     "急性心肌梗死患者从进门到血管开通的时间缩短至{m}分钟以内。"),
    ("我院互联网医院正式上线", "{hosp}互联网医院正式上线运行，首批开通{m}个专科的在线复诊、处方流转和药品配送服务。"),
    ("我院获评{award}", "近日，{hosp}获评{award}，这是医院持续改善医疗服务、提升群众就医获得感的成果。"),
    ("我院医疗队圆满完成对口支援任务", "{hosp}第{m}批援外医疗队圆满完成为期半年的帮扶任务，载誉归来。"),
]
TECHS = [("机器人辅助腹腔镜肾部分切除术", "泌尿外科"), ("经导管主动脉瓣置换术", "心血管内科"), ("单孔胸腔镜肺叶切除术", "胸外科"),
         ("经皮冠状动脉腔内冲击波球囊成形术", "心血管内科"), ("脑深部电刺激术", "神经外科"), ("人工耳蜗植入术", "耳鼻咽喉科")]
AWARDS = ["省级文明单位", "改善医疗服务示范医院", "全国敬老文明号", "省级平安医院", "节约型公共机构示范单位"]


@template("administrative", "press_release", {"S1": 1})
def press_release(g, d):
    """新闻通稿 / 新闻发布稿 for the press and the hospital website: public by definition; a patient, when
    mentioned, is anonymous (a public text with a little health vocabulary and no person)."""
    head, lead = g.pick(PRESS_EVENTS)
    (tech, dept), award = g.pick(TECHS), g.pick(AWARDS)
    fill = dict(hosp=g.hosp["name"], tech=tech, award=award, dept=dept, age=g.num(35, 85), n=g.num(5, 30),
                k=g.num(300, 2000), m=g.num(5, 90))
    head, lead = head.format(**fill), lead.format(**fill)
    day = g.day()
    d.title(g.pick(["新闻通稿", "新闻发布稿", "媒体通气会通稿"]), scale=1.5)
    if g.chance(0.7):
        d.kv([("供稿单位", g.pick(["宣传中心", "党委宣传部", "院长办公室"])), ("发布时间", g.d(day)),
              ("发布渠道", g.pick(["医院官网、微信公众号", "医院官网及主要新闻媒体", "官方微博、微信公众号、视频号"]))], cols=2)
    d.hr(1.0)
    d.subtitle(head, scale=1.25)
    when = "" if lead.startswith("近日") else f"{day.month}月{day.day}日，"
    d.para(g.pick(["本报讯（通讯员 宣传中心）", "", "讯　"]) + when + lead)
    d.para(g.pick(["据介绍，", "院长在接受采访时表示，", "医院负责人介绍，"]) + g.pick([
        "医院始终坚持以人民健康为中心，持续推进高质量发展，不断提升医疗技术水平和服务能力。",
        "这是医院加强学科建设、推动优质医疗资源扩容下沉的一项重要举措。",
        "下一步，医院将进一步优化服务流程，为群众提供更加便捷、高效的医疗服务。"]))
    if "首例" in head and g.chance(0.6):
        d.para(f"患者{g.pick(['王先生', '李女士', '张大爷', '陈阿姨'])}（化名）术后第{g.num(2, 7)}天即下床活动，"
               "出院时特意送来锦旗表示感谢。")
    if g.chance(0.5):
        d.para(g.pick(["市卫生健康委有关负责同志出席活动并讲话。", "活动现场，多家新闻媒体进行了采访报道。",
                       "活动期间，医院还组织专家开展了义诊和健康咨询，受到市民欢迎。"]))
    d.para(g.pick(["欢迎各媒体转载，转载请注明出处。", "本稿件已在医院官网同步发布，欢迎社会各界关注。",
                   "（本稿可公开发布）"]), indent=0)
    d.right(g.pick(["（宣传中心 供稿）", "编辑：宣传中心  审核：院长办公室", "（来源：医院官网）"]))
