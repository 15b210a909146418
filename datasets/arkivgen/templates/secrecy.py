"""保密类: confidentiality agreements, cleared-personnel management, secrecy inspections."""

from . import template


@template("secrecy", "confidentiality_agreement", {"S3": 1}, en=True)
def confidentiality_agreement(g, d):
    if g.en:
        d.title("NON-DISCLOSURE AGREEMENT", scale=1.4)
        d.kv([("Employee", g.pn()), ("Department", g.pick(["Information Center", "Research Office", "Medical Affairs"])),
              ("Mobile", g.pphone(True)), ("E-mail", g.pemail())], cols=2)
        for k, t in enumerate(["The employee shall keep confidential all patient information, research data and internal "
                               "documents obtained in the course of employment.",
                               "The employee shall not copy, transmit or publish confidential information without written approval.",
                               "These obligations continue for two years after the end of employment."], 1):
            d.para(f"{k}. {t}", indent=0)
        d.kv([("Signature", ""), ("Date", g.d(g.day()))], cols=2)
        return
    sex = g.f.sex()
    d.title(g.pick(["保密承诺书", "工作人员保密承诺书", "信息系统用户保密承诺书"]), scale=1.5)
    d.para("本人因工作需要，接触医院工作秘密、患者隐私信息及其他内部资料，现郑重承诺：")
    for k, t in enumerate(["认真遵守国家保密法律法规和医院保密规章制度，履行保密义务；",
                           "不擅自复制、摘抄、拍摄、传递涉密及内部资料；", "不在互联网及社交媒体上发布、讨论工作秘密和患者信息；",
                           "不使用个人设备存储、处理内部数据；", "离岗离职后继续履行保密义务，直至相关信息解密；",
                           "违反上述承诺，自愿承担相应的纪律和法律责任。"], 1):
        d.left(f"{k}. {t}")
    d.kv([("承诺人", g.pn()), ("身份证号", g.pid(sex=sex)), ("所在部门", g.pick([g.f.dept(), g.f.admin_dept()])),
          ("联系电话", g.pphone(True)), ("签署日期", g.d(g.day()))], cols=2, underline=True)


@template("secrecy", "cleared_personnel", {"S3": 2, "S5": 2})
def cleared_personnel(g, d):
    marked = g.mark_if_restricted(d)
    d.title(g.pick(["涉密人员登记表", "涉密岗位人员汇总表", "保密要害部门部位人员名册"]), scale=1.35)
    rows = []
    for k in range(1, g.num(5, 16) + 1):
        sex = g.f.sex()
        rows.append([str(k), g.pn(), sex, g.pick([g.f.admin_dept(), "信息中心", "院长办公室", "保密办公室"]),
                     g.pick(["核心", "重要", "一般"]), g.pid(sex=sex) if g.chance(0.5) else g.pphone(True),
                     g.d(g.day())])
    d.table(["序号", "姓名", "性别", "部门", "涉密等级", "证件号/电话", "审查日期"], rows, size=0.82)
    if marked:
        d.para("本名册按秘密级管理，专人保管，不得复制。涉密人员出国（境）须事先报批。", indent=0)
    d.right("保密办公室  " + g.d(g.day()))


@template("secrecy", "secrecy_inspection", {"S2": 2, "S5": 2})
def secrecy_inspection(g, d):
    marked = g.mark_if_restricted(d)
    d.title(f"{g.year}年度保密工作自查自评报告", scale=1.35)
    d.left(g.pick(["市国家保密局：", "市卫生健康委保密委员会：", "院保密委员会："]))
    d.para(f"根据年度保密检查工作部署，我院于{g.d(g.day())}至{g.d(g.day())}开展了保密工作自查，现将有关情况报告如下：")
    d.heading("一、保密工作基本情况")
    d.para(f"我院成立了保密委员会，下设保密办公室，现有涉密人员{g.num(3, 40)}名，涉密计算机{g.num(1, 12)}台，"
           f"年度收发涉密文件{g.num(10, 300)}份，未发生失泄密事件。")
    d.heading("二、检查发现的问题")
    for k, t in enumerate(g.f.sample(["个别非涉密计算机存储内部资料", "部分涉密载体登记不及时", "保密教育培训覆盖面不够",
                                      "个别科室使用微信传输工作文件", "复印机未按规定管理"], g.num(2, 3)), 1):
        d.para(f"{k}. {t}；", indent=0)
    if marked:
        d.para(f"三、涉密事项：上级下发的{g.pick(['应急物资储备布局', '重大疫情防控预案', '涉密课题'])}相关文件已按规定专柜保存，"
               "具体清单见附件（另行报送）。")
    d.heading("整改措施")
    d.para("加强涉密人员和载体管理，开展全员保密教育，落实保密责任制。")
    g.sign_date(d, "医院保密委员会", dept="保密委员会")


@template("secrecy", "training_notice", {"S2": 1})
def training_notice(g, d):
    d.title(g.pick(["关于开展保密教育培训的通知", "关于组织观看保密警示教育片的通知", "关于参加保密知识测试的通知"]), scale=1.3)
    d.left("各科室、各部门：")
    d.para(f"为增强全院职工保密意识，落实保密工作责任制，定于{g.d(g.day())}在{g.pick(['学术报告厅', '行政楼会议室'])}"
           "组织开展保密教育培训，现将有关事项通知如下：")
    d.left("一、参加人员：各科室负责人、涉密人员、信息系统管理员。")
    d.left("二、培训内容：保密法律法规、网络信息安全、患者隐私保护典型案例。")
    d.left("三、有关要求：请参训人员提前10分钟签到，不得无故缺席。")
    g.sign_date(d, "保密办公室", stamp=g.chance(0.5))


@template("secrecy", "publicity_article", {"S1": 1})
def publicity_article(g, d):
    d.title(g.pick(["保密宣传月  我院开展系列宣传活动", "筑牢保密防线  守护信息安全", "4·15全民国家安全教育日宣传"]), scale=1.3)
    d.para(f"为深入学习宣传保密法律法规，{g.year}年{g.num(4, 11)}月，我院开展保密宣传月活动。活动期间，"
           f"医院通过悬挂横幅、发放宣传册、举办专题讲座等方式，向全院职工普及保密知识，累计发放宣传资料{g.num(200, 3000)}份。")
    d.para("活动强调，保密工作无小事。医院将持续加强保密教育，提升全员保密意识和防护技能，切实保护患者隐私和医院信息安全。")
    d.right("宣传中心  供稿")


@template("secrecy", "classified_register", {"S5": 1})
def classified_register(g, d):
    d.marking(g.pick(["秘密", "机密", "工作秘密"]))
    d.title("涉密文件收发登记簿", scale=1.4)
    rows = []
    day = g.day()
    for k in range(1, g.num(6, 18) + 1):
        day = g.f.later(day, 1, 20)
        rows.append([str(k), g.d(day), g.pick(["市卫健委", "市保密局", "省卫健委", "市委办"]),
                     f"{g.pick(['卫', '保', '办'])}密〔{g.year}〕{g.num(1, 99)}号", g.pick(["秘密", "机密", "秘密"]),
                     str(g.num(1, 3)), g.pick(["已归档", "已清退", "传阅中"])])
    d.table(["序号", "收文日期", "来文单位", "文号", "密级", "份数", "处理情况"], rows, size=0.82)
    d.left("登记簿由保密办公室专人管理，存放于保密柜。", scale=0.9)


@template("secrecy", "computer_check", {"S2": 2, "S5": 1})
def computer_check(g, d):
    marked = g.mark_if_restricted(d)
    d.title(g.pick(["计算机及移动存储介质保密检查记录表", "涉密计算机保密检查记录", "终端安全检查登记表"]), scale=1.3)
    rows = []
    for k in range(1, g.num(6, 16) + 1):
        rows.append([str(k), g.pick([g.f.admin_dept(), g.f.dept()]), f"PC-{g.num(1, 999):03d}",
                     g.pick(["非涉密", "非涉密", "涉密（秘密级）"] if marked else ["非涉密"]),
                     g.pick(["未发现违规外联", "发现U盘交叉使用", "未安装防病毒软件", "正常", "正常"]),
                     g.pick(["已整改", "—", "限期整改"])])
    d.table(["序号", "部门", "设备编号", "类别", "检查情况", "整改"], rows, size=0.85)
    d.right("检查组：保密办公室、信息中心   " + g.d(g.day()))


@template("secrecy", "exit_commitment", {"S3": 1})
def exit_commitment(g, d):
    d.title("涉密人员离岗离职保密承诺书", scale=1.35)
    d.kv([("姓名", g.pn()), ("原工作部门", g.f.admin_dept()), ("离岗类型", g.pick(["调离", "辞职", "退休"])),
          ("脱密期", f"{g.pick([6, 12, 24, 36])}个月"), ("离岗后联系电话", g.pphone(True)), ("现居住地址", g.paddr())], cols=2)
    d.para("本人已将保管和使用的全部涉密载体、资料清退，并办理移交手续。本人承诺在脱密期内遵守保密规定，"
           "不以任何方式泄露所知悉的工作秘密，未经批准不出境，接受原单位的监督管理。")
    d.kv([("承诺人签字", ""), ("保密办公室经办人", ""), ("日期", g.d(g.day()))], cols=3)


@template("secrecy", "media_register", {"S2": 2, "S5": 1})
def media_register(g, d):
    """存储介质登记台账: S2 the ordinary (non-classified) USB/disk register — 保密 words, no secret;
    S5 the marked register of classified carriers with their classification and custodians."""
    marked = g.mark_if_restricted(d)
    rows = []
    day = g.day()
    for k in range(1, g.num(6, 18) + 1):
        day = g.f.later(day, 1, 30)
        kind, cap = g.pick([("U盘", g.pick(["16GB", "32GB", "64GB"])), ("加密U盘", g.pick(["16GB", "32GB"])),
                            ("移动硬盘", g.pick(["500GB", "1TB", "2TB"])), ("光盘", g.pick(["700MB", "4.7GB"])),
                            ("SD卡", g.pick(["32GB", "64GB"]))])
        row = [f"{'SM' if marked else 'FM'}-{g.year}-{k:03d}", kind, cap]
        if marked:
            row += [g.pick(["秘密", "机密", "秘密"]), g.pn(), g.d(day), g.pick(["在用", "在用", "已销毁", "已收回"])]
        else:
            row += [g.pick([g.f.admin_dept(), g.f.dept()]), g.d(day), g.pick(["在用", "在用", "已报废", "已收回"])]
        rows.append(row)
    if marked:
        d.title("涉密载体（存储介质）登记台账", scale=1.35)
        d.table(["编号", "类型", "容量", "密级", "责任人", "发放日期", "状态"], rows, size=0.84)
        d.para("涉密存储介质只能在涉密计算机上使用，严禁在非涉密计算机和互联网计算机上使用；"
               "报废须交保密办公室统一送销毁机构销毁。", indent=0)
    else:
        d.title(g.pick(["非涉密移动存储介质登记表", "办公用移动存储介质登记台账"]), scale=1.35)
        d.table(["编号", "类型", "容量", "使用部门", "发放日期", "状态"], rows, size=0.86)
        d.para("非涉密存储介质不得存储、处理涉密信息，不得在涉密计算机上使用；遗失应立即报告信息中心和保密办公室。", indent=0)
    d.right("保密办公室  " + g.d(g.day()))


@template("secrecy", "travel_abroad_approval", {"S3": 2, "S5": 1})
def travel_abroad_approval(g, d):
    """涉密人员因私出国（境）审批表: identity, classification, destination, the pre-departure
    secrecy talk and approvals; S5 when the form itself is marked."""
    marked = g.mark_if_restricted(d)
    sex = g.f.sex()
    birth = g.f.birth(25, 60, g.year)
    start = g.day()
    name = g.f.name()
    d.title(g.pick(["涉密人员因私出国（境）审批表", "涉密人员出境审批登记表"]), scale=1.35)
    d.table(None, [
        ["姓名", g.pn(name), "性别", sex, "出生日期", g.pbirth(birth)],
        ["身份证号", g.pid(birth, sex), "", "", "手机", g.pphone(True)],
        ["所在部门", g.pick([g.f.admin_dept(), "信息中心", "保密办公室"]), "职务/职称", g.pick(["科员", "副主任", "主任", "工程师"]),
         "涉密等级", g.pick(["核心", "重要", "一般"])],
        ["护照号码", f"E{g.num(10**7, 10**8 - 1)}", "前往国家（地区）", g.pick(["日本", "新加坡", "泰国", "美国", "德国", "澳大利亚", "中国香港"]), "", ""],
        ["出行事由", g.pick(["探亲", "旅游", "陪同子女就学", "参加学术会议"]), "起止日期", f"{g.d(start)}至{g.d(g.f.later(start, 5, 30))}", "", ""],
    ], size=0.84)
    d.heading("出境前保密提醒谈话：")
    d.para("已对本人进行出境前保密教育，明确不得携带涉密载体出境，不得在境外谈论、传递工作秘密，"
           "遇有可疑情况及时报告。本人返回后" + g.pick(["5", "7", "10"]) + "个工作日内交回证件并书面报告出境期间有关情况。")
    if marked:
        d.para("本审批表涉及核心涉密人员及其涉密事项，按秘密级管理，由保密办公室专柜保存。", indent=0)
    d.table(["所在部门意见", "保密办公室意见", "院党委意见"], [["同意", "已谈话，同意", g.pick(["同意", "同意，证件由组织人事部门集中保管"])]],
            size=0.88)
    d.right("承诺人：", g.pn(name), "  ", g.d(g.day()))


@template("secrecy", "classified_meeting", {"S2": 1, "S5": 2})
def classified_meeting(g, d):
    """会议保密管理登记表: meeting data, the secrecy measures checklist, documents issued and returned.
    S5 a marked classified meeting; S2 the check record of an ordinary internal meeting."""
    marked = g.mark_if_restricted(d)
    d.title("涉密会议保密管理登记表" if marked else g.pick(["会议保密管理检查记录", "内部会议保密措施落实情况登记表"]), scale=1.35)
    d.kv([("会议名称", g.pick(["院党委专题会议", "应急医疗保障工作部署会", "重大活动医疗保障协调会", "年度保密工作会议"])),
          ("会议时间", f"{g.d(g.day())} {g.pick(['9:00', '14:30', '15:00'])}"),
          ("会议地点", g.pick(["行政楼保密会议室", "第一会议室", "院部小会议室"])), ("主办部门", g.pick(["院长办公室", "党委办公室", "保密办公室"])),
          ("参会人数", f"{g.num(6, 40)}人"), ("会议密级", g.pick(["秘密", "机密"]) if marked else "非涉密（内部）")], cols=2)
    checks = ["会前对会场进行保密技术检查", "参会人员手机等电子设备统一存放", "启用手机信号屏蔽设备", "不使用无线话筒和无线网络",
              "会议材料编号发放、会后清点收回", "禁止录音、录像、拍照", "会议记录由专人记录并按规定保管", "不得通过微信等渠道传达会议内容"]
    d.table(["序号", "保密措施", "落实情况"], [[str(k), c, g.pick(["已落实", "已落实", "已落实", "部分落实"])]
                                         for k, c in enumerate(g.f.sample(checks, g.num(5, 8)), 1)], size=0.88)
    if marked:
        rows = []
        for k in range(1, g.num(2, 5) + 1):
            n = g.num(5, 40)
            rows.append([f"{g.pick(['会', '密'])}〔{g.year}〕{g.num(1, 80)}号", f"1-{n}", str(n), str(n), "已收回"])
        d.table(["文件编号", "发放序号", "发放份数", "收回份数", "备注"], rows, size=0.88)
        d.para("会议内容属国家秘密，参会人员不得擅自传达、扩散；需传达的，按规定范围和方式进行。", indent=0)
    else:
        d.para("本次会议为内部工作会议，不涉及国家秘密，会议材料会后收回，按内部资料管理。", indent=0)
    d.right("保密办公室  " + g.d(g.day()))


CLASSIFIED_MATTERS = ["重大突发公共卫生事件医疗救治应急预案", "重要会议和活动医疗保障工作方案", "应急医疗物资储备库布局及储备数量",
                      "传染病疫情未公开统计数据汇总", "特定对象医疗保健工作安排", "驻地部队伤病员收治协作方案",
                      "核与辐射突发事件医学应急处置预案", "生物安全实验室菌（毒）种保藏清单"]


@template("secrecy", "classification_approval", {"S5": 1})
def classification_approval(g, d):
    """国家秘密事项定密（变更、解除）审批表: the matter, proposed classification and term, who may know it,
    the legal basis and the sign-off chain; the form itself is marked."""
    kind = g.pick(["定密", "定密", "定密", "变更密级", "延长保密期限", "解除"])
    grade = g.pick(["秘密", "秘密", "机密"])
    term = g.pick(["5年", "10年", "10年", "20年", "长期"])
    d.marking(grade + (f"★{term}" if g.chance(0.6) and kind != "解除" else ""))
    k = {"定密": "定密", "变更密级": "密级变更", "延长保密期限": "保密期限延长", "解除": "解密"}[kind]
    d.title(g.pick([f"国家秘密事项{k}审批表", f"{k}审批单", f"涉密事项{k}呈批表"]), scale=1.35)
    d.right(f"编号：{g.hosp['short']}定密〔{g.year}〕{g.num(1, 60):02d}号", scale=0.9)
    matter = g.pick(CLASSIFIED_MATTERS)
    rows = [["事项名称", matter], ["产生部门", g.pick(["医务处", "院长办公室", "应急办公室", "保卫处", "医院感染管理科"])],
            ["载体形式", g.pick(["纸质文件", "纸质文件及电子文档", "汇编材料", "图纸及说明"]) + f"，共{g.num(1, 30)}份"],
            ["拟定密级" if kind not in ("解除", "变更密级") else "原定密级",
             grade if kind == "定密" or kind == "延长保密期限" else
             f"{grade}（拟解除）" if kind == "解除" else f"{'机密' if grade == '秘密' else '秘密'}，拟变更为{grade}"],
            ["保密期限" if kind not in ("解除", "延长保密期限") else "原保密期限" if kind == "解除" else "延长后保密期限", term], ["知悉范围", g.pick(["院领导班子成员及医务处负责人", "应急领导小组成员",
                                                    "承办部门主要负责人及经办人", "限于文件分发单所列人员"])],
            ["定密依据", g.pick(["《卫生健康工作中国家秘密及其密级具体范围的规定》第" + f"{g.num(2, 12)}条",
                                "《国家秘密定密管理暂行规定》第" + f"{g.num(2, 12)}条",
                                "派生定密：上级机关来文" + f"（{g.pick(['卫', '办'])}密〔{g.year}〕{g.num(1, 60)}号）已明确密级"])]]
    if g.chance(0.5):
        rows.insert(1, ["文件标题/文号", f"{g.hosp['short']}{g.pick(['发', '办', '医'])}〔{g.year}〕{g.num(1, 150)}号"])
    d.table(None, rows, size=0.9)
    d.heading("承办人意见：")
    if kind == "解除":
        d.para(f"该事项已{g.pick(['公开发布', '执行完毕', '超过保密期限'])}，公开后不会损害国家安全和利益，建议解除密级，按内部资料管理。")
    else:
        harm = g.pick(["影响突发事件应急处置工作的正常开展", "损害国家安全和利益", "在社会上造成不良影响", "影响应急保障工作的安全"])
        if kind == "延长保密期限":
            d.para(f"该事项原定保密期限即将届满，但仍处于执行阶段，公开后可能{harm}，建议保密期限延长至{term}，密级仍为{grade}级。")
        else:
            verb = "确定" if kind == "定密" else "变更"
            d.para(f"该事项一旦泄露，可能{harm}，符合定密条件，建议{verb}为{grade}级，保密期限{term}。")
    d.kv([("承办人", g.pn()), ("承办日期", g.d(g.day()))], cols=2)
    d.table(["承办部门负责人意见", "保密办公室审核意见", "定密责任人审批"],
            [[g.pick(["同意", "拟同意"]), g.pick(["符合定密权限和程序", "同意报批", "依据准确，同意"]), g.pick(["同意", "批准"])],
             [g.pn(), g.pn(), g.pn()]], size=0.9)
    d.left("注：本表一式两份，承办部门和保密办公室各存一份，随涉密事项一并归档。", scale=0.85)


@template("secrecy", "carrier_destruction", {"S5": 2, "S2": 1})
def carrier_destruction(g, d):
    """载体销毁登记: S5 the marked list of classified carriers sent for destruction, with custodians and
    the supervising officers; S2 the log of internal papers and old non-classified media shredded in house."""
    day = g.day()
    if g.restricted:
        grades = [g.pick(["秘密", "秘密", "机密"]) for _ in range(g.num(5, 14))]
        d.marking("机密" if "机密" in grades else g.pick(["秘密", "秘密★5年"]))
        d.title(g.pick(["涉密载体销毁登记表", "涉密载体送销清单", "国家秘密载体销毁审批登记表"]), scale=1.35)
        d.kv([("送销部门", g.pick(["保密办公室", "院长办公室", "党委办公室", "机要室"])), ("送销日期", g.d(day)),
              ("销毁地点", g.pick(["市国家保密局涉密载体销毁中心", "保密行政管理部门指定销毁点"])),
              ("运送方式", g.pick(["专人专车押运", "两人以上专车护送"]))], cols=2)
        rows = []
        for k, grade in enumerate(grades, 1):
            kind = g.pick(["纸质文件", "纸质文件", "纸质文件", "光盘", "U盘", "硬盘"])
            if kind == "纸质文件":
                amount, how = f"{g.num(2, 60)}页", g.pick(["碎纸化浆", "粉碎"])
            else:
                amount, how = {"光盘": "1张", "U盘": "1个", "硬盘": "1块"}[kind], g.pick(["熔毁", "消磁后粉碎"])
            rows.append([str(k), f"{g.pick(['卫', '办', '医', '会'])}密〔{g.year - g.num(0, 5)}〕{g.num(1, 99)}号",
                         kind, grade, str(g.num(1, 3)), amount, how])
        d.table(["序号", "文号/编号", "载体类型", "密级", "份数", "页数/数量", "销毁方式"], rows, size=0.84)
        d.para("以上涉密载体已逐件清点、登记，经定密责任人批准后送销；不得自行销毁或作为废品出售。", indent=0)
        d.kv([("清点人", g.pn()), ("监销人", g.pn()), ("批准人", g.pn()), ("销毁中心接收人", g.pn())], cols=2)
        return
    d.title(g.pick(["内部资料及废旧存储介质销毁登记表", "非涉密废旧载体集中销毁记录", "内部资料清理销毁台账"]), scale=1.35)
    d.kv([("销毁日期", g.d(day)), ("销毁地点", g.pick(["保密办公室碎纸间", "信息中心机房", "档案室"])),
          ("销毁设备", g.pick(["三级保密碎纸机", "硬盘消磁机", "碎纸机及光盘粉碎机"]))], cols=3)
    rows = []
    for k in range(1, g.num(5, 12) + 1):
        item = g.pick([("过期内部通知", "纸质"), ("会议材料（内部）", "纸质"), ("废旧统计报表", "纸质"), ("报废办公电脑硬盘", "硬盘"),
                       ("损坏U盘", "U盘"), ("备份光盘", "光盘"), ("打印废页", "纸质")])
        amount = f"{g.num(1, 20)}kg" if item[1] == "纸质" else f"{g.num(1, 12)}个"
        rows.append([str(k), item[0], item[1], amount, g.pick([g.f.admin_dept(), g.f.dept()]), "已销毁"])
    d.table(["序号", "资料/介质名称", "类型", "数量", "交销部门", "结果"], rows, size=0.86)
    d.para("以上均为非涉密载体，经交销部门确认无需归档后统一销毁；硬盘先消磁再物理粉碎，不得作为废品出售或流入社会。", indent=0)
    d.sign(["经办：保密办公室", "监销：信息中心", g.d(day)])


@template("secrecy", "responsibility_letter", {"S3": 1})
def responsibility_letter(g, d):
    """保密工作目标责任书 between the hospital (甲方) and a department head or a cleared post-holder (乙方):
    duties, assessment and penalties, term of validity, named signatories."""
    personal = g.chance(0.4)
    dept = g.pick(["机要室", "院长办公室", "党委办公室", "信息中心", "档案室", "保密办公室"] if personal else
                  [g.f.admin_dept(), g.f.dept(), "信息中心", "档案室", "机要室"])
    sex = g.f.sex()
    name = g.f.name(sex)
    if personal:
        d.title(g.pick(["涉密岗位保密责任书", "涉密人员岗位保密责任书"]), scale=1.4)
    else:
        d.title(g.pick([f"{g.year}年度保密工作目标责任书", "部门保密工作责任书", "保密工作责任书"]), scale=1.4)
    d.left(f"甲方：{g.hosp['name']}" + g.pick(["保密委员会", "", "保密委员会"]))
    if personal:
        d.left("乙方：", g.pn(name), f"（{dept}{g.pick(['机要员', '信息系统管理员', '档案管理员', '文秘'])}）")
    else:
        d.left(f"乙方：{dept}")
    d.para("为落实保密工作责任制，确保涉密事项和医院内部信息安全，根据保密法律法规及医院保密管理规定，"
           f"{g.pick(['经双方协商，', ''])}甲乙双方签订本责任书。")
    d.heading("一、乙方责任")
    if personal:
        duties = ["熟悉本岗位涉密事项范围，严格在知悉范围内工作", "涉密文件资料随用随取、用毕归柜，下班前检查保密柜",
                  "不在非涉密计算机和互联网计算机上处理涉密信息", "不私自复制、摘抄、留存涉密资料", "不在私人交往和通信中涉及涉密事项",
                  "因私出国（境）事先报批，按规定交存证件", "离岗时清退全部涉密载体，履行脱密期义务"]
    else:
        duties = ["本部门主要负责人对本部门保密工作负总责，分管人员负直接责任", "建立本部门涉密人员、涉密载体和计算机台账，做到底数清楚",
                  "涉密文件资料按规定登记、传阅、保管和清退，不私自留存", "严禁在互联网计算机上存储、处理涉密和敏感信息",
                  "对新入职、转岗人员及时开展保密提醒教育", "发现泄密隐患和事件，立即报告并采取补救措施",
                  "配合保密办公室开展保密检查，按期完成问题整改", "严格落实患者隐私信息的访问权限管理"]
    for k, t in enumerate(g.f.sample(duties, g.num(4, 7)), 1):
        d.left(f"{k}. {t}；")
    d.heading("二、考核与奖惩")
    d.para(g.pick(["甲方每年对乙方履行本责任书情况进行考核，考核结果纳入部门年度综合目标考核。",
                   "保密工作实行“一票否决”，发生泄密事件的，取消部门及责任人当年评优评先资格。"]) +
           "因失职造成泄密的，依纪依法追究相关人员责任。")
    d.heading("三、其他")
    d.para(f"本责任书自签订之日起生效，有效期至{g.year}年12月31日，一式两份，甲乙双方各执一份。")
    rows = [["甲方代表", g.pn(), "乙方" + ("签字" if personal else "责任人"), g.pn(name)],
            ["职务", g.pick(["院长", "党委书记", "保密委员会主任"]), "职务", g.pick(["科主任", "部门负责人", "科员", "主管"])]]
    if personal:
        rows.append(["工号", g.f.staff_no(), "身份证号", g.pid(sex=sex)])
    rows.append(["签订日期", g.d(g.day()), "联系电话", g.pphone(True)])
    d.table(None, rows, size=0.9)


CONTEST_TOPICS = ["保密法律法规", "网络安全与信息保密", "涉密载体管理", "移动存储介质使用", "手机使用保密常识",
                  "患者隐私信息保护", "涉密会议管理", "新媒体保密"]


@template("secrecy", "knowledge_contest", {"S1": 1, "S2": 1})
def knowledge_contest(g, d):
    """保密知识竞赛/测试: S1 the published results announcement of the hospital-wide contest (teams by
    department, welcome wording); S2 the internal score statistics by department with error analysis."""
    if g.level == "S1":
        d.title(g.pick(["我院举办保密知识竞赛", f"{g.year}年保密知识竞赛结果公告", "以赛促学  筑牢保密防线"]), scale=1.35)
        d.para(f"{g.year}年{g.num(3, 11)}月{g.num(1, 28)}日，{g.hosp['name']}在{g.pick(['学术报告厅', '科教楼多功能厅'])}举办"
               f"保密知识竞赛，来自各临床医技科室和职能部门的{g.num(8, 20)}支代表队参加比赛。"
               f"竞赛分为{g.pick(['必答题、抢答题和风险题三个环节', '个人必答、团队共答和抢答三个环节'])}，内容涵盖"
               + "、".join(g.f.sample(CONTEST_TOPICS, 3)) + "等方面。")
        teams = g.f.sample(["信息中心", "医务处", "护理部", "财务处", "心血管内科", "检验科", "药学部", "急诊科", "放射科",
                            "院长办公室", "儿科", "骨科"], 6)
        rows = [["一等奖", teams[0]], ["二等奖", f"{teams[1]}、{teams[2]}"], ["三等奖", "、".join(teams[3:6])]]
        if g.chance(0.5):
            rows.append(["优秀组织奖", g.pick(["党委办公室", "保密办公室", "工会"])])
        d.table(["奖项", "获奖代表队"], rows, size=0.92)
        d.para("比赛现场气氛热烈，选手们沉着应答。" + g.pick(["院领导为获奖代表队颁奖，并希望全院职工以赛促学，",
                                                        "活动得到了全院职工的积极响应，"]) +
               "将保密意识融入日常工作。")
        d.left(g.pick(["（本文已在医院官网“新闻动态”栏目发布）", "欢迎转发，共同提升保密意识。", "来源：医院官网  宣传中心"]),
               scale=0.9)
        return
    g.mark_if_restricted(d)
    d.title(g.pick([f"{g.year}年度保密知识测试成绩统计分析", "保密知识线上考试情况通报（内部）", "全员保密知识测试结果汇总"]),
            scale=1.3)
    exam = g.day()
    d.para(f"根据年度保密教育计划，保密办公室于{g.d(exam)}组织全院职工参加保密知识{g.pick(['线上测试', '闭卷测试', '网络答题'])}，"
           f"试卷共{g.pick([50, 100])}题，满分100分，{g.pick([60, 80])}分合格。各部门情况如下：")
    rows = []
    for dept in g.f.sample(["院长办公室", "医务处", "护理部", "财务处", "信息中心", "科研处", "药学部", "检验科", "心血管内科",
                            "急诊科", "放射科", "总务处", "骨科", "儿科"], g.num(6, 11)):
        due = g.num(8, 120)
        took = g.num(int(due * 0.8), due)
        rows.append([dept, str(due), str(took), f"{100 * took / due:.1f}%", f"{g.rng.uniform(72, 95):.1f}",
                     f"{g.rng.uniform(80, 100):.1f}%"])
    d.table(["部门", "应考人数", "实考人数", "参考率", "平均分", "合格率"], rows, size=0.86)
    d.heading("错题较集中的知识点：")
    for k, t in enumerate(g.f.sample(["涉密计算机不得连接互联网的具体要求", "移动存储介质交叉使用的风险",
                                      "微信、邮箱传输工作文件的规定", "涉密载体复制须经审批", "公共场所谈论工作事项的风险",
                                      "离岗人员脱密期管理要求"], g.num(2, 4)), 1):
        d.left(f"{k}. {t}，错误率{g.num(18, 55)}%。")
    d.para("未参考及不合格人员须于" + g.pick(["两周内", "本月底前"]) + "完成补考；测试结果纳入科室年度保密工作考核。", indent=0)
    d.right("保密办公室  " + g.d(g.f.later(exam, 3, 20)))
