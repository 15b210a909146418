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
