"""设备设施类: equipment purchase, installation, maintenance and calibration logs."""

from . import template


def _eq(g):
    e = g.f.equipment()
    return e[0], g.f.brand() + g.pick(["", "医疗"]), g.f.model_no(), g.f.serial(), e


@template("equipment", "purchase_request", {"S2": 1})
def purchase_request(g, d):
    name, brand, model, _, e = _eq(g)
    d.title("医疗设备购置申请论证表", scale=1.4)
    d.table(None, [["申请科室", g.f.dept(), "申请日期", g.d(g.day())],
                   ["设备名称", name, "数量", f"{g.num(1, 4)}台"],
                   ["预算单价", f"{e[2]}万元", "资金来源", g.pick(["财政专项", "自筹资金", "科研经费"])],
                   ["设备类别", e[1], "是否甲乙类大型设备", "是" if e[1] == "大型医用设备" else "否"]])
    d.heading("购置理由：")
    d.para(g.pick(["现有设备已使用超过10年，故障频繁，维修成本高，影响临床诊疗工作。",
                   f"科室年检查量达{g.num(3000, 60000)}人次，现有设备无法满足需求，患者预约等待时间长。",
                   "新开展诊疗项目需要配置该设备，已通过医院新技术新项目评审。"]))
    d.heading("效益分析：")
    d.para(f"预计年使用{g.num(800, 20000)}人次，年收入约{g.num(20, 900)}万元，投资回收期约{g.num(2, 8)}年。")
    d.table(["科室意见", "设备管理委员会意见", "院长办公会意见"], [["同意申请", g.pick(["同意", "同意，纳入年度计划"]), "同意"]])


@template("equipment", "installation_acceptance", {"S2": 1})
def installation_acceptance(g, d):
    name, brand, model, sn, e = _eq(g)
    d.title("医疗设备安装验收报告", scale=1.4)
    d.kv([("设备名称", name), ("品牌型号", f"{brand} {model}"), ("出厂编号", sn), ("资产编号", f"ZC{g.year}{g.num(1, 9999):04d}"),
          ("供货单位", g.f.company("医疗")), ("合同编号", f"CG-{g.year}-{g.num(1, 999):03d}"), ("使用科室", g.f.dept())], cols=2)
    rows = [[str(k), it, g.pick(["符合", "符合", "合格"])] for k, it in enumerate(
        ["外包装完好，无破损", "主机及附件与装箱单相符", "随机文件（说明书、合格证、注册证）齐全",
         "通电自检正常", "各项技术参数达到合同要求", "操作人员培训完成"], 1)]
    d.table(["序号", "验收项目", "验收结果"], rows)
    d.para("验收结论：" + g.pick(["设备运行正常，同意验收。", "经试运行，设备性能稳定，验收合格。"]), indent=0)
    d.kv([("使用科室", "（签字）"), ("医学装备部", "（签字）"), ("供货单位", "（签字）"), ("验收日期", g.d(g.day()))], cols=2)


@template("equipment", "maintenance_log", {"S2": 1})
def maintenance_log(g, d):
    name, brand, model, sn, e = _eq(g)
    d.title(g.pick(["医疗设备维修记录", "设备维护保养记录表", "设备故障维修登记表"]), scale=1.4)
    d.kv([("设备名称", name), ("型号", model), ("序列号", sn), ("所在科室", g.f.dept())], cols=2)
    rows = []
    day = g.day()
    for _ in range(g.num(4, 16)):
        day = g.f.later(day, 3, 40)
        rows.append([g.d(day), g.pick(["预防性维护", "故障维修", "巡检", "更换配件"]),
                     g.pick(["开机自检报错", "显示屏闪烁", "电池老化", "滤网积尘", "传感器漂移", "运行正常", "打印机卡纸"]),
                     g.pick(["清洁保养", "更换电池", "校正参数", "更换主板", "更换滤网", "重新安装软件"]),
                     g.pick(["正常", "正常", "待观察"]), g.pick(["工程师", "厂家工程师", "设备科"])])
    d.table(["日期", "类型", "故障现象", "处理措施", "结果", "维修人"], rows, size=0.85)


@template("equipment", "calibration_certificate", {"S2": 1})
def calibration_certificate(g, d):
    name = g.pick(["血压计", "心电监护仪", "除颤仪", "输液泵", "婴儿培养箱", "电子天平", "压力表", "医用温度计", "呼吸机"])
    d.title("检 定 证 书", scale=1.7)
    d.right(f"证书编号：JD{g.year}-{g.num(10000, 99999)}")
    d.table(None, [["送检单位", g.hosp["name"]], ["计量器具名称", name], ["型号/规格", g.f.model_no()],
                   ["出厂编号", g.f.serial()], ["制造单位", g.f.company("医疗")],
                   ["检定依据", f"JJG {g.num(100, 1200)}-{g.num(2005, 2023)}"], ["检定结论", g.pick(["合格", "合格", "准予使用"])]])
    d.table(["检定项目", "标准值", "示值", "允许误差", "结论"],
            [[g.pick(["静态压力", "流量", "温度", "能量", "心率"]), str(g.num(10, 300)), str(g.num(10, 300)), "±2%", "合格"] for _ in range(g.num(3, 6))])
    day = g.day()
    d.kv([("检定日期", g.d(day)), ("有效期至", g.d(g.f.later(day, 360, 366)))], cols=2)
    g.sign_date(d, g.city + "计量检定测试所", dept="检定专用章")


@template("equipment", "operator_training", {"S3": 1})
def operator_training(g, d):
    name, *_ = _eq(g)
    d.title(f"{name}操作培训签到表", scale=1.35)
    d.kv([("培训时间", g.d(g.day())), ("培训地点", g.f.dept()), ("培训讲师", g.pn() if g.chance(0.5) else "厂家工程师")], cols=2)
    rows = [[str(k), g.pn(), g.f.dept(), g.pphone(True), ""] for k in range(1, g.num(8, 22) + 1)]
    d.table(["序号", "姓名", "科室", "联系电话", "签名"], rows)
    d.left("培训内容：设备操作规程、日常保养、常见故障处理及应急预案。考核合格者方可独立操作。", scale=0.9)


@template("equipment", "adverse_event", {"S4": 1})
def adverse_event(g, d):
    p = g.patient(1, 90)
    name, brand, model, sn, e = _eq(g)
    d.title("可疑医疗器械不良事件报告表", scale=1.35)
    d.kv([("报告日期", g.d(g.day())), ("报告单位", g.hosp["name"])], cols=2)
    d.heading("一、患者资料")
    d.kv([("姓名", g.pn(p["name"])), ("年龄", f"{p['age']}岁"), ("性别", p["sex"]), ("病历号", g.pmrn("病案号")),
          ("预期治疗疾病", g.f.diagnosis(False)[0])], cols=2)
    d.heading("二、不良事件情况")
    d.para(f"事件发生日期：{g.d(g.day())}。器械名称：{name}，型号：{model}，序列号：{sn}。"
           f"事件描述：{g.pick(['使用过程中设备报警后停止运行，患者血氧饱和度一过性下降', '输液速度异常加快，患者出现心悸', '电极片粘贴部位皮肤出现红肿水疱'])}，"
           f"经处理后患者{g.pick(['好转', '无明显后遗症', '病情平稳'])}。")
    d.heading("三、初步原因分析")
    d.para(g.pick(["可能与器械故障有关，已封存设备并通知生产企业。", "可能与使用操作有关，已组织培训。", "原因待生产企业进一步调查。"]))
    d.kv([("报告人", g.pn()), ("联系电话", g.pphone(False))], cols=2)


@template("equipment", "bid_result", {"S1": 1})
def bid_result(g, d):
    name, brand, model, _, e = _eq(g)
    d.title(f"{g.hosp['name']}{name}采购项目中标结果公告", scale=1.25)
    d.left(f"项目编号：{g.city[:2]}CG{g.year}-{g.num(1, 400):03d}")
    d.para(f"{g.hosp['name']}委托{g.f.company('科技')}就{name}采购项目进行公开招标，经评标委员会评审，现将中标结果公告如下：", indent=0)
    d.table(["包号", "中标供应商", "品牌型号", "数量", "中标金额（元）"],
            [["1", g.f.company("医疗"), f"{brand} {model}", str(g.num(1, 3)), f"{e[2] * 10000 * g.rng.uniform(0.8, 1.0):,.2f}"]])
    d.para(f"公告期限：自本公告发布之日起1个工作日。各有关当事人对中标结果有异议的，可在公告期限届满之日起7个工作日内以书面形式提出质疑。")
    d.right(g.d(g.day()))


@template("equipment", "asset_inventory", {"S2": 3, "S5": 1})
def asset_inventory(g, d):
    if g.mark_if_restricted(d):
        d.title("涉密信息设备及保密设施台账", scale=1.35)
        rows = []
        for k in range(1, g.num(6, 18) + 1):
            rows.append([f"SM-{g.num(1, 999):03d}", g.pick(["涉密计算机", "涉密笔记本", "涉密打印机", "保密柜", "碎纸机", "涉密移动存储介质"]),
                         g.f.model_no(), g.pick(["秘密", "机密", "秘密"]), g.pick(["院长办公室", "保密办公室", "党委办公室", "信息中心"]),
                         g.pick(["在用", "在用", "已报废", "封存"])])
        d.table(["设备编号", "设备名称", "型号", "密级", "使用部门", "状态"], rows, size=0.85)
        d.para("涉密设备不得连接互联网和其他公共信息网络；维修须在院内由保密办公室派人全程监督。", indent=0)
        d.right("保密办公室  医学装备部  " + g.d(g.day()))
        return
    dept = g.f.dept()
    d.title(f"{dept}固定资产（设备）台账", scale=1.35)
    rows = []
    for k in range(1, g.num(8, 46) + 1):
        e = g.f.equipment()
        rows.append([f"ZC{g.num(2008, 2025)}{g.num(1, 9999):04d}", e[0], g.f.model_no(), str(g.num(2008, 2025)),
                     f"{e[2] * g.rng.uniform(0.7, 1.2):.2f}", g.pick(["在用", "在用", "在用", "待报废", "维修中"])])
    d.table(["资产编号", "设备名称", "型号", "购置年份", "原值（万元）", "状态"], rows, size=0.85)
    d.right("医学装备部  盘点日期：" + g.d(g.day()))


@template("equipment", "service_report", {"S2": 1}, en=True)
def service_report(g, d):
    name, brand, model, sn, e = _eq(g)
    if g.en:
        d.title("FIELD SERVICE REPORT", scale=1.4)
        d.kv([("Customer", "Medical Engineering Dept., " + g.pick(["People's Hospital", "Central Hospital"])),
              ("System", g.pick(["CT scanner", "MRI system", "Anesthesia workstation", "Patient monitor", "Ultrasound system"])),
              ("Model", model), ("Serial No.", sn), ("Service date", g.d(g.day())),
              ("Type", g.pick(["Preventive maintenance", "Corrective repair", "Installation"]))], cols=2)
        d.heading("Problem description")
        d.para(g.pick(["Tube arcing errors during long scans.", "Gantry rotation noise reported by operators.",
                       "Intermittent loss of SpO2 signal.", "Software crash on start-up."]), indent=0)
        d.heading("Action taken")
        d.para(g.pick(["Replaced slip ring brushes and performed calibration.", "Updated system software and ran full diagnostics.",
                       "Replaced power supply board; system tested OK."]), indent=0)
        d.left("System status: operational. Next PM due in 6 months.")
        return
    d.title("设备巡检及预防性维护报告", scale=1.35)
    d.kv([("设备名称", name), ("型号", model), ("序列号", sn), ("巡检日期", g.d(g.day()))], cols=2)
    d.table(["检查项目", "结果"], [[it, g.pick(["正常", "正常", "已处理"])] for it in
                                   ["外观及附件", "电气安全（漏电流）", "报警功能", "输出精度", "软件版本", "使用环境（温湿度）"]])
    d.para("结论：设备各项性能指标符合要求，可继续使用。建议下次维护时间：" + g.d(g.day(g.year + 1)), indent=0)


@template("equipment", "scrapping_application", {"S2": 1})
def scrapping_application(g, d):
    """医疗设备报废申请鉴定表: asset data, reasons (check boxes), technical appraisal, disposal, approvals."""
    name, brand, model, sn, e = _eq(g)
    bought = g.num(g.year - 18, g.year - 5)
    value = e[2] * g.rng.uniform(0.6, 1.1)
    d.title(g.pick(["医疗设备报废申请鉴定表", "固定资产（设备）报废申请单", "设备报废技术鉴定书"]), scale=1.35)
    d.table(None, [["资产编号", f"ZC{bought}{g.num(1, 9999):04d}", "设备名称", name],
                   ["品牌型号", f"{brand} {model}", "出厂编号", sn],
                   ["购置日期", f"{bought}年{g.num(1, 12)}月", "使用科室", g.f.dept()],
                   ["原值（万元）", f"{value:.2f}", "已使用年限", f"{g.year - bought}年"],
                   ["累计折旧（万元）", f"{value * g.rng.uniform(0.9, 1.0):.2f}", "累计维修费（万元）", f"{value * g.rng.uniform(0.05, 0.5):.2f}"]],
            size=0.88)
    d.heading("报废原因：")
    reasons = ["达到或超过规定使用年限", "主要部件损坏无法修复", "维修费用超过原值50%", "厂家停止配件供应及技术支持",
               "技术落后、性能指标不能满足临床要求", "经计量检定不合格且无法校正", "存在安全隐患"]
    chosen = set(g.f.sample(range(len(reasons)), g.num(1, 3)))
    d.para("  ".join(("☑" if i in chosen else "□") + r for i, r in enumerate(reasons)), indent=0)
    d.heading("技术鉴定意见：")
    d.para(g.pick(["经检测，设备" + g.pick(["主板", "X线球管", "高压发生器", "探头", "电源模块", "压缩机"]) + "损坏，"
                   "原厂已停止供应配件，无修复价值，建议报废。", "设备已使用超过规定年限，多项性能指标低于标准要求，建议报废。"]))
    d.kv([("残值处置方式", g.pick(["交由有资质的回收单位回收", "公开拍卖", "按电子废弃物环保处理", "拆件留用"])),
          ("是否申请更新", g.pick(["是，已纳入下年度采购计划", "否"]))], cols=1)
    d.table(["使用科室意见", "医学装备部意见", "财务处意见", "国资管理委员会意见"],
            [["同意报废", "鉴定属实，同意报废", "已核对账卡", g.pick(["同意", "同意，按程序报主管部门备案"])]], size=0.85)


@template("equipment", "usage_log", {"S2": 1, "S4": 1})
def usage_log(g, d):
    """大型医用设备使用登记: S2 a daily run log (start/stop, counts, state); S4 the per-patient register
    with names, examination numbers, body parts and clinical diagnoses."""
    dev = g.pick([("64排螺旋CT", "CT"), ("1.5T磁共振成像系统", "MR"), ("数字减影血管造影系统（DSA）", "DSA"),
                  ("直线加速器", "RT"), ("数字化X线摄影系统（DR）", "DX")])
    room = f"{dev[1]}{g.num(1, 4)}号机房"
    day = g.day()
    if g.level == "S2":
        d.title(f"{dev[0]}运行使用登记表", scale=1.35)
        d.kv([("设备名称", dev[0]), ("机房", room), ("资产编号", f"ZC{g.num(2010, 2024)}{g.num(1, 9999):04d}"), ("登记月份", f"{day.year}年{day.month}月")], cols=2)
        rows = []
        for k in range(g.num(8, 24)):
            dd = g.f.later(day, k, k)
            rows.append([g.d(dd), f"0{g.num(6, 8)}:{g.num(0, 59):02d}", f"{g.num(17, 23)}:{g.num(0, 59):02d}", str(g.num(20, 260)),
                         g.pick(["正常", "正常", "正常", "正常", "报警后重启", "软件卡顿"]),
                         f"{g.num(18, 26)}℃/{g.num(35, 65)}%"])
        d.table(["日期", "开机时间", "关机时间", "检查人次", "运行状态", "温度/湿度"], rows, size=0.85)
        d.left("注：设备出现故障须立即停机，报告医学装备部并填写维修申请。", scale=0.9)
        return
    d.title(f"{dev[0]}检查登记本", scale=1.35)
    d.kv([("机房", room), ("日期", g.d(day))], cols=2)
    # (examinations, diagnoses or None for any ordinary one, minimum age)
    parts, dxs, min_age = {
        "CT": (["头颅平扫", "胸部平扫", "上腹部增强", "冠脉CTA", "腰椎平扫"], None, 3),
        "MR": (["头颅平扫+DWI", "腰椎平扫", "膝关节平扫", "上腹部增强"], None, 3),
        "DSA": (["冠状动脉造影", "全脑血管造影", "下肢动脉造影"],
                ["冠状动脉粥样硬化性心脏病", "急性前壁心肌梗死", "脑梗死", "下肢动脉硬化闭塞症", "颅内动脉瘤"], 35),
        "RT": (["胸部调强放疗", "盆腔调强放疗", "头颈部放疗"], ["肺恶性肿瘤", "宫颈恶性肿瘤", "鼻咽恶性肿瘤", "直肠恶性肿瘤"], 25),
        "DX": (["胸部正位", "腰椎正侧位", "膝关节正侧位"], None, 1)}[dev[1]]
    rows = []
    for k in range(1, g.num(8, 22) + 1):
        sex = g.f.sex()
        rows.append([str(k), g.pn(), sex, f"{g.num(min_age, 90)}", ("mrn", f"{dev[1]}{g.num(100000, 999999)}"), g.pick(parts),
                     g.pick(dxs) if dxs else g.f.diagnosis(False)[0], g.pick(["门诊", "住院", "急诊", "体检"])])
    d.table(["序号", "姓名", "性别", "年龄", "检查号", "检查部位", "临床诊断", "来源"], rows, size=0.8)
    d.left("登记本含患者信息，由机房专人保管，按病历资料管理。", scale=0.9)


@template("equipment", "procurement_intention", {"S1": 1})
def procurement_intention(g, d):
    """政府采购意向公开: planned purchases with requirements, budgets and months (public)."""
    d.title(f"{g.hosp['name']}{g.year}年{g.pick(['', '第二季度', '下半年', '第三季度'])}政府采购意向", scale=1.25)
    d.para("为便于供应商及时了解政府采购信息，根据财政部关于开展政府采购意向公开工作的有关规定，"
           f"现将{g.hosp['name']}采购意向公开如下：", indent=2)
    rows = []
    for k in range(1, g.num(3, 9) + 1):
        e = g.f.equipment()
        n = g.num(1, 6)
        rows.append([str(k), f"{e[0]}采购项目", f"采购{e[0]}{n}台（套），用于{g.pick(['临床诊疗', '设备更新', '新建院区配置', '学科建设'])}",
                     f"{e[2] * n * g.rng.uniform(0.8, 1.1):.2f}", f"{g.year}年{g.num(1, 12)}月"])
    d.table(["序号", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间"], rows, size=0.86)
    d.para("本次公开的采购意向是本单位政府采购工作的初步安排，具体采购项目情况以相关采购公告和采购文件为准。", indent=2)
    g.sign_date(d, g.hosp["name"], stamp=False)
