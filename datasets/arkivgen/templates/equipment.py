"""设备设施类: equipment purchase, installation, maintenance and calibration logs."""

from ..fields import EQUIPMENT
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


# (symptom, cause, repair, parts replaced as (name, price range in yuan))
FAULTS = [("开机自检不通过，屏幕提示系统错误代码E{n}", "主板电源管理芯片损坏", "更换主板并恢复系统参数", [("主控板", 3000, 18000)]),
          ("运行中频繁报警并自动停机", "温度传感器漂移，误触发过热保护", "更换温度传感器，重新校准", [("温度传感器", 200, 1800)]),
          ("显示画面出现条纹、偶发黑屏", "显示屏背光板老化、视频线接触不良", "更换背光板并紧固视频线",
           [("背光板", 400, 2500), ("视频连接线", 50, 300)]),
          ("电池无法充电，断电后立即关机", "内置电池老化，容量不足标称值的40%", "更换原厂锂电池组", [("锂电池组", 300, 2500)], ("监护仪", "除颤", "输液泵", "注射泵", "呼吸机", "床旁超声", "心电图机")),
          ("触摸屏无响应，按键失灵", "触摸屏排线接触不良", "重新插接排线并固定", []),
          ("气路漏气，压力无法维持", "气路管道接头老化开裂", "更换密封圈及气路管道", [("密封圈套件", 30, 300), ("硅胶气路管", 50, 400)], ("呼吸机", "麻醉机", "灭菌器", "血气")),
          ("打印模块卡纸，报告无法输出", "打印头脏污、进纸辊磨损", "清洁打印头，更换进纸辊", [("进纸辊", 80, 600)], ("心电图机", "分析仪", "除颤", "监护仪")),
          ("流速显示值与实际不符", "流量传感器污染", "清洁并更换流量传感器，进行流量校准", [("流量传感器", 500, 4000)], ("输液泵", "注射泵", "呼吸机", "麻醉机", "透析机")),
          ("设备无法与信息系统（HIS/LIS）通讯", "网卡故障、IP地址冲突", "更换网卡，重新配置网络参数", [("网卡", 100, 800)], ("分析仪", "超声", "DR", "监护仪", "内镜", "胃肠镜", "OCT", "心电图机", "PCR")),
          ("制冷效果差，温度报警", "压缩机启动电容击穿", "更换启动电容，测试运行正常", [("启动电容", 30, 200)], ("冷藏箱", "离心机", "培养箱")),
          ("按下电源键无反应", "电源板保险管熔断、开关电源模块损坏", "更换保险管及电源模块",
           [("保险管", 5, 30), ("开关电源模块", 600, 5000)])]
REPAIR_EXCLUDE = {"大型医用设备", "动力设备", "暖通设备", "特种设备", "环保设备", "医用气体设备"}


@template("equipment", "repair_request", {"S2": 2, "S3": 1})
def repair_request(g, d):
    """医疗设备报修/维修工单: one breakdown from the ward's call to the engineer's repair and the ward's sign-off.
    S2 is the statistics copy with roles and extension numbers; S3 names the caller and the engineer with mobiles."""
    e = g.pick([x for x in EQUIPMENT if x[1] not in REPAIR_EXCLUDE])
    name, brand, model, sn = e[0], g.f.brand() + g.pick(["", "医疗"]), g.f.model_no(), g.f.serial()
    named = g.level == "S3"
    d.title(g.pick(["医疗设备故障报修单", "设备维修工单", "医疗设备报修及维修记录单"]), scale=1.4)
    day = g.day()
    d.kv([("工单号", f"WX{day:%Y%m%d}{g.num(1, 999):03d}"), ("报修时间", f"{g.d(day)} {g.f.time()}")], cols=2)
    dept = g.f.dept()
    rows = [["报修科室", dept, "安装位置", g.pick(["护士站", "抢救室", f"{g.num(1, 30)}号病房", "治疗室", "检查室", "手术间"])],
            ["设备名称", name, "品牌型号", f"{brand} {model}"],
            ["资产编号", f"ZC{g.num(2010, g.year)}{g.num(1, 9999):04d}", "序列号", sn],
            ["保修状态", g.pick(["保修期内", "维保合同内", "保修期外", "保修期外"]),
             "紧急程度", g.pick(["☑紧急 □一般", "□紧急 ☑一般", "□紧急 ☑一般"])]]
    if named:
        rows.append(["报修人", g.pn(), "联系电话", g.pphone(True)])
    else:
        rows.append(["报修人", g.pick(["科室设备管理员", "当班护士", "护士长", "科室技师"]), "联系方式", f"内线{g.num(2000, 8999)}"])
    d.table(None, rows, size=0.9)
    fault, cause, fix, part_list = g.pick([f for f in FAULTS if len(f) < 5 or any(k in name for k in f[4])])[:4]
    d.heading("故障现象：")
    d.para(fault.replace("{n}", str(g.num(10, 990))) + g.pick(["，影响临床使用。", "，已停用并挂“故障停用”标识。", "。备用设备已调配到位。"]))
    d.heading("维修情况：")
    arrive = g.num(10, 240)
    d.para(f"接报后{arrive}分钟到达现场。经检查，故障原因为{cause}；处理措施：{fix}。"
           + g.pick(["", "因需订购配件，设备停机待修。", "已联系厂家远程诊断确认。"]), indent=2)
    if part_list:
        parts = []
        for pn, lo, hi in part_list:
            q = 1 if hi > 500 else g.num(1, 4)
            parts.append([pn, g.f.model_no(), str(q), f"{g.f.money(lo, hi):,.2f}", g.pick(["备件库", "厂家供应", "维保合同内免费"])])
        d.table(["更换配件", "规格/料号", "数量", "单价（元）", "来源"], parts, size=0.86)
    hours = g.num(1, 120)
    d.kv([("停机时长", f"{hours}小时"), ("维修方式", g.pick(["院内自修", "厂家上门", "返厂维修"])),
          ("维修后检测", g.pick(["功能测试正常", "电气安全检测合格", "性能检测合格，可投入使用"])),
          ("完成时间", g.d(g.f.later(day, hours // 24, hours // 24 + 1)))], cols=2)
    if named:
        d.kv([("维修工程师", g.pn()), ("手机", g.pphone(True))], cols=2)
    else:
        d.kv([("维修工程师", "（签字）"), ("所属", g.pick(["医学装备部维修组", "临床工程科", "厂家驻场工程师"]))], cols=2)
    d.left("科室验收：" + g.pick(["☑满意 □基本满意 □不满意", "□满意 ☑基本满意 □不满意"]) + "  验收人：（签字）")
    if g.chance(0.4):
        d.left("注：本单一式两联，第一联医学装备部存档，第二联使用科室留存，作为设备维修档案。", scale=0.9)


RAD_DEVICES = [("数字化X线摄影系统（DR）", "DR机房"), ("64排螺旋CT", "CT机房"), ("数字减影血管造影系统（DSA）", "介入手术室"),
               ("移动式C形臂X射线机", "手术室"), ("乳腺X射线摄影系统", "乳腺机房"), ("口腔锥形束CT（CBCT）", "口腔影像室"),
               ("医用直线加速器", "放疗机房"), ("骨密度仪", "骨密度检查室")]
RAD_POINTS = ["观察窗外30cm", "操作位", "防护门外30cm（左门缝）", "防护门外30cm（中部）", "防护门外30cm（右门缝）",
              "东墙外30cm", "南墙外30cm", "西墙外30cm", "北墙外30cm", "楼上距地面100cm", "楼下距地面170cm", "管线口", "通风口"]


@template("equipment", "radiation_protection", {"S1": 1, "S2": 3})
def radiation_protection(g, d):
    """放射诊疗设备防护检测: S2 the testing agency's report for one X-ray room (dose rates, QC items);
    S1 the hospital's published summary of the year's test results."""
    agency = g.city + g.pick(["疾病预防控制中心", "职业病防治院", "辐射环境监测站"]) if g.chance(0.5) else g.f.company("科技") .replace("科技有限公司", "检测技术有限公司")
    if g.level == "S1":
        d.title(g.pick([f"{g.hosp['name']}放射诊疗工作场所防护检测结果公示", "辐射工作场所及设备年度检测结果公告",
                        f"{g.year}年度放射诊疗设备检测情况公示"]), scale=1.3)
        d.para("根据《放射诊疗管理规定》《放射性同位素与射线装置安全和防护条例》等有关规定，我院委托具备资质的检测机构"
               f"对全院放射诊疗设备及工作场所进行了{g.year}年度防护检测和性能检测，现将检测结果公示如下：")
        rows = []
        for k, (dev, room) in enumerate(g.f.sample(RAD_DEVICES, g.num(3, 7)), 1):
            rows.append([str(k), dev, f"{g.pick(['门诊楼', '医技楼', '住院楼', '外科楼'])}{room}", g.pick(["防护检测", "防护及性能检测"]),
                         "合格"])
        d.table(["序号", "设备名称", "机房位置", "检测类别", "结论"], rows, size=0.88)
        d.para(f"检测机构：{agency}。检测结果表明，各机房屏蔽防护效果良好，周围剂量当量率均低于国家标准限值，"
               "设备性能指标符合要求。")
        d.para("温馨提示：放射检查室门口设有电离辐射警告标志和工作状态指示灯，指示灯亮起时请勿进入；孕妇、婴幼儿检查前请主动告知医务人员。"
               "公众如有疑问，欢迎通过医院官网或门诊服务台咨询。")
        g.sign_date(d, g.hosp["name"], stamp=g.chance(0.6))
        return
    dev, room = g.pick(RAD_DEVICES)
    tested = g.day()
    d.title(g.pick(["放射诊疗设备防护检测报告", "X射线设备质量控制及防护检测报告", "放射工作场所辐射水平检测报告"]), scale=1.35)
    d.right(f"报告编号：FJ{g.year}-{g.num(100, 9999):04d}")
    d.table(None, [["委托单位", g.hosp["name"], "检测类别", g.pick(["验收检测", "状态检测（年度）", "稳定性检测"])],
                   ["设备名称", dev, "型号", g.f.model_no()],
                   ["生产厂家", g.f.company("医疗"), "出厂编号", g.f.serial()],
                   ["机房位置", f"{g.pick(['门诊楼', '医技楼', '外科楼'])}{g.num(1, 4)}层{room}", "检测日期", g.d(tested)],
                   ["检测依据", ("GBZ 121-2020《放射治疗放射防护要求》" if g.year >= 2021 else "GBZ 126-2011《电子加速器放射治疗放射防护要求》")
                    if "加速器" in dev else ("GBZ 130-2020《放射诊断放射防护要求》" if g.year >= 2021 else "GBZ 130-2013《医用X射线诊断放射防护要求》"),
                    "检测仪器",
                    g.pick(["X、γ辐射剂量率仪", "多功能剂量仪", "环境级剂量当量率仪"]) + f"（检定有效期至{g.year + 1}年）"]], size=0.84)
    linac = "加速器" in dev
    if linac:
        cond = f"{g.pick(['6MV', '10MV'])} X射线，最大剂量率{g.pick([600, 1400])}MU/min，最大照射野，{g.pick(['机架0°', '机架90°', '机架270°'])}"
    else:
        cond = f"{g.num(70, 140)}kV，{g.num(10, 400)}mA，{g.pick(['散射模体：标准水模', '有用线束朝向地面', '透视自动模式'])}"
    d.kv([("检测条件", cond)], cols=1)
    rows = []
    for pt in g.f.sample(RAD_POINTS, g.num(6, 11)):
        v = g.num(8, 240) / 100
        rows.append([pt, f"{v:.2f}", "≤2.5", "合格"])
    d.table(["检测点位置", "周围剂量当量率（μSv/h）", "控制目标值（μSv/h）", "评价"], rows, size=0.86)
    if g.chance(0.6) and not linac:
        d.heading("设备性能检测：")
        if "CT" in dev:
            qc = [("CT值（水）", f"{g.num(-4, 4)}HU", "±4HU"), ("噪声", f"{g.num(25, 34) / 100:.2f}%", "≤0.35%"),
                  ("均匀性", f"{g.num(1, 5)}HU", "±5HU"), ("高对比分辨力", f"{g.num(60, 90) / 10:.1f}lp/cm", "≥6.0lp/cm"),
                  ("重建层厚偏差", f"{g.num(-8, 8) / 10:.1f}mm", "±1.0mm"), ("CTDIw（头部）", f"{g.num(40, 70)}mGy", "与基线值偏差±15%")]
        else:
            qc = [("管电压指示的偏离", f"{g.num(-4, 4)}%", "±5.0%"), ("输出量重复性", f"{g.num(1, 9) / 10:.1f}%", "≤10%"),
                  ("半值层（80kV）", f"{g.num(25, 40) / 10:.1f}mmAl", "≥2.3mmAl"), ("曝光时间指示的偏离", f"{g.num(-8, 8)}%", "±10%"),
                  ("高对比度分辨力", f"{g.num(20, 36) / 10:.1f}lp/mm", "≥基线值90%"), ("有用线束垂直度偏离", f"{g.num(1, 3)}°", "≤3°")]
        d.table(["检测项目", "检测结果", "标准要求"], [list(x) for x in g.f.sample(qc, g.num(3, 6))], size=0.88, fill=False)
    d.heading("检测结论：")
    d.para(f"所检{dev}机房各关注点周围剂量当量率满足标准要求；机房门灯联锁、电离辐射警告标志及工作状态指示灯"
           + g.pick(["设置齐全有效。", "功能正常，建议对防护门门缝处加强铅皮搭接。", "齐全，个人防护用品配置满足要求。"]))
    d.kv([("检测", "（签名）"), ("审核", "（签名）"), ("签发", "（签名）")], cols=3)
    g.sign_date(d, agency, date=g.f.later(tested, 3, 20), dept="检测专用章")


CONFIG_DEVICES = {
    "3.0T磁共振成像系统": ("乙类", 1800, [("★磁场强度", "3.0T超导"), ("★梯度场强", "单轴≥45mT/m"), ("梯度切换率", "单轴≥200T/m/s"),
                                          ("磁体孔径", "≥70cm"), ("射频通道数", "≥64"), ("液氦消耗", "零液氦挥发")]),
    "128排螺旋CT": ("乙类", 1200, [("★探测器排数", "≥128排"), ("★机架旋转速度", "≤0.28s/圈"), ("球管热容量", "≥8MHU"),
                                  ("空间分辨率", "≥20lp/cm"), ("低剂量技术", "支持迭代重建"), ("孔径", "≥70cm")]),
    "数字减影血管造影系统（DSA）": ("乙类", 900, [("★平板探测器", "≥30cm×40cm动态平板"), ("★高压发生器功率", "≥100kW"),
                                                ("C臂旋转速度", "≥25°/s"), ("三维成像", "支持旋转DSA及3D重建"), ("剂量管理", "实时剂量监测")]),
    "医用直线加速器": ("乙类", 2800, [("★光子能量", "6MV/10MV"), ("★多叶光栅", "≥120叶"), ("剂量率", "≥600MU/min"),
                                      ("图像引导", "配置kV级锥形束CT"), ("治疗技术", "支持IMRT、VMAT、SBRT")]),
    "正电子发射及X射线计算机断层成像扫描系统（PET/CT）": ("甲类", 2500, [("★PET轴向视野", "≥25cm"), ("★系统灵敏度", "≥15cps/kBq"),
                                                                 ("时间飞行分辨率", "≤250ps"), ("CT排数", "≥64排")]),
    "手术机器人系统": ("乙类", 2000, [("★机械臂数量", "≥4个"), ("★三维高清成像", "双目立体视觉"), ("器械自由度", "≥7个"),
                                    ("系统延迟", "≤100ms")]),
}


@template("equipment", "config_feasibility", {"S2": 1})
def config_feasibility(g, d):
    """大型医用设备配置可行性论证报告: current equipment and workload, necessity, technical parameters,
    site and staffing conditions, economics and the expert panel's conclusion."""
    dev = g.pick(sorted(CONFIG_DEVICES))
    cls, price, params = CONFIG_DEVICES[dev]
    d.title(g.pick([f"{dev}配置可行性论证报告", f"关于配置{dev}的可行性论证", f"{cls}大型医用设备配置申请论证报告"]), scale=1.3)
    when = g.day()
    if g.chance(0.5):
        d.center(f"申请单位：{g.hosp['name']}  论证日期：{g.d(when)}")
    d.heading("一、医院基本情况")
    d.para(f"我院为{g.pick(['三级甲等综合医院', '三级综合医院', '区域医疗中心', '三级专科医院'])}，编制床位{g.num(500, 3000)}张，"
           f"{g.year - 1}年门急诊{g.num(60, 400)}万人次，出院{g.num(2, 15)}万人次，住院手术{g.num(1, 6)}万台次。")
    d.heading("二、现有同类设备配置及使用情况")
    short = {"3.0T磁共振成像系统": ["1.5T磁共振成像系统", "3.0T磁共振成像系统"], "128排螺旋CT": ["16排螺旋CT", "64排螺旋CT"],
             "数字减影血管造影系统（DSA）": ["单平板DSA", "双平板DSA"], "医用直线加速器": ["医用直线加速器", "钴-60治疗机"],
             "正电子发射及X射线计算机断层成像扫描系统（PET/CT）": ["SPECT/CT"], "手术机器人系统": []}[dev]
    load = {"3.0T磁共振成像系统": (15000, 40000), "128排螺旋CT": (40000, 120000), "数字减影血管造影系统（DSA）": (2000, 6000),
            "医用直线加速器": (600, 1500), "正电子发射及X射线计算机断层成像扫描系统（PET/CT）": (2000, 6000), "手术机器人系统": (200, 800)}[dev]
    if short and g.chance(0.85):
        rows = []
        for _ in range(g.num(1, 3)):
            rows.append([g.pick(short), f"{g.f.brand()} {g.f.model_no()}", str(g.num(g.year - 14, g.year - 2)),
                         f"{g.num(*load):,}", f"{g.num(10, 22)}小时", g.pick(["超负荷运行", "正常", "故障率高", "待更新"])])
        d.table(["设备", "品牌型号", "装机年份", "年检查/治疗人次", "日均开机", "运行状况"], rows, size=0.84)
    else:
        d.para(f"我院目前尚未配置同类设备，相关{g.pick(['患者', '病例'])}需转诊至上级医院，年转诊量约{g.num(*load):,}人次。")
    d.heading("三、配置必要性")
    needs = [f"现有设备预约等待时间平均{g.num(3, 20)}天，不能满足临床需求。",
             f"现有设备已使用超过{g.num(8, 12)}年，故障停机时间逐年增加，配件供应困难。",
             "开展心脑血管疾病介入、精准放疗等技术需要配置高端设备，属于重点专科建设的必备条件。",
             "区域内同类设备千人口配置水平低于规划标准，配置后可减少患者异地就医。",
             "医院承担区域胸痛中心、卒中中心建设任务，需保障24小时急诊检查能力。"]
    for k, t in enumerate(g.f.sample(needs, g.num(2, 4)), 1):
        d.para(f"（{'一二三四'[k - 1]}）{t}")
    d.heading("四、拟配置设备主要技术参数")
    d.table(["参数名称", "技术要求"], [list(p) for p in params], size=0.88, fill=False)
    d.left("注：★为核心参数，不满足视为不符合配置要求。", scale=0.9)
    d.heading("五、配置条件")
    rad = dev != "手术机器人系统"
    d.para(f"拟安装于{g.pick(['医技楼', '门诊楼', '新建综合楼', '放疗中心' if '加速器' in dev else '外科楼'])}{g.num(-1, 3)}层，"
           + (f"机房面积约{g.num(40, 120)}平方米，" + ("磁屏蔽及射频屏蔽由专业公司设计施工，" if "磁共振" in dev else
                                                   "屏蔽设计已委托专业机构开展职业病危害放射防护预评价，") if rad
              else f"安装于{g.pick(['复合手术室', '第3手术间', '日间手术中心'])}，面积约{g.num(50, 90)}平方米，洁净度满足要求，")
           + f"供电容量{g.num(100, 400)}kVA。现有相关医师{g.num(5, 30)}名、{'技师' if rad else '手术室护士'}{g.num(4, 25)}名"
           + g.pick(["，均持有大型医用设备上岗合格证。", "，人员资质符合配置标准要求。", "，已安排骨干赴上级医院进修。"]))
    d.heading("六、效益分析")
    inv = price * g.rng.uniform(0.85, 1.15)
    d.table(["项目", "测算"], [["设备投资（含机房改造）", f"{inv:,.0f}万元"], ["预计年工作量", f"{g.num(*load):,}人次"],
                               ["预计年收入", f"{inv * g.rng.uniform(0.2, 0.45):,.0f}万元"], ["年运行成本（含维保、折旧）", f"{inv * g.rng.uniform(0.1, 0.2):,.0f}万元"],
                               ["静态投资回收期", f"{g.num(4, 9)}年"]], fill=False)
    d.heading("七、论证结论")
    d.para(g.pick([f"经医学装备管理委员会组织专家论证，配置{dev}符合区域卫生规划和医院发展规划，技术上可行、经济上合理，同意申报配置许可。",
                   f"专家组认为，配置{dev}具有必要性，建议按{cls}大型医用设备配置许可程序报卫生健康行政部门审批，并纳入{g.year + 1}年度采购计划。"]))
    if g.chance(0.5):
        d.kv([("专家组组长", "（签字）"), ("医学装备部", "（盖章）"), ("分管院领导", "（签字）")], cols=3)
        d.right(g.d(when))
    else:
        g.sign_date(d, "医学装备部", date=when, stamp=g.chance(0.5))


IMPLANT_CASES = [
    ("经皮冠状动脉介入治疗（PCI）", "冠状动脉粥样硬化性心脏病", "心血管内科",
     [("药物洗脱冠状动脉支架系统", "3.0×24mm"), ("PTCA球囊扩张导管", "2.5×15mm"), ("冠脉导引导丝", "0.014in×190cm")]),
    ("永久性双腔心脏起搏器植入术", "病态窦房结综合征", "心血管内科",
     [("植入式心脏起搏器", "双腔DDDR"), ("心内膜起搏电极导线", "58cm"), ("心内膜起搏电极导线", "52cm")]),
    ("右侧全髋关节置换术", "股骨头缺血性坏死", "骨科",
     [("人工髋关节股骨柄", "生物型 3#"), ("髋臼杯", "52mm"), ("陶瓷股骨头", "36mm"), ("髋臼内衬", "高交联聚乙烯 36/52")]),
    ("腰椎后路椎间融合内固定术", "腰椎间盘突出症", "骨科",
     [("椎弓根螺钉", "6.5×45mm"), ("连接棒", "5.5×100mm"), ("椎间融合器", "PEEK 10mm")]),
    ("白内障超声乳化摘除联合人工晶体植入术", "年龄相关性白内障", "眼科", [("非球面人工晶状体", "+21.5D")]),
    ("右侧腹股沟疝无张力修补术", "腹股沟疝", "普通外科", [("疝修补补片", "10×15cm")]),
    ("股骨颈骨折闭合复位空心钉内固定术", "股骨颈骨折", "骨科", [("空心加压螺钉", "7.3×90mm")]),
    ("人工耳蜗植入术", "双侧感音神经性聋", "耳鼻咽喉科", [("人工耳蜗植入体", "标准电极")]),
]


@template("equipment", "implant_traceability", {"S4": 1})
def implant_traceability(g, d):
    """植入性医疗器械使用登记及追溯单: the patient, the operation and each implant's registration number,
    lot/serial, expiry and UDI, kept by the device-management office for recall tracing."""
    surgery, dx, dept, items = g.pick(IMPLANT_CASES)
    p = g.patient(30 if dept != "耳鼻咽喉科" else 2, 88)
    d.title(g.pick(["植入性医疗器械使用登记表", "高值医用耗材（植入类）使用追溯单", "植入物使用记录及条码粘贴单"]), scale=1.35)
    d.right(f"登记号：ZR{g.year}{g.num(1, 99999):05d}")
    op = g.day()
    d.kv([("患者姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("住院号", g.pmrn()),
          ("科室", dept), ("床号", f"{g.num(1, 60)}床"), ("手术日期", g.d(op)), ("术前诊断", dx),
          ("手术名称", surgery)], cols=2)
    if g.chance(0.6):
        d.kv([("联系电话", g.pphone()), ("家庭住址", g.paddr())], cols=1)
    rows = []
    for it, spec in items:
        exp = g.f.later(op, 200, 1500)
        rows.append([it, spec, g.f.company("医疗") if g.chance(0.5) else g.pick(["进口", "国产"]) + "·" + g.f.brand(),
                     (f"国械注准{g.num(max(2014, g.year - 6), max(2014, g.year))}3{g.num(10, 99)}{g.num(10000, 99999)}"
                      if g.year >= 2015 else f"国食药监械（准）字{g.year - g.num(1, 4)}第3{g.num(100, 999)}{g.num(1000, 9999)}号"),
                     f"{g.pick(['LOT', 'SN'])}{g.num(10**6, 10**8)}", g.f.fmt_date(exp, "iso"), "1"])
    d.table(["器械名称", "规格型号", "生产企业", "注册证编号", "批号/序列号", "失效日期", "数量"], rows, size=0.78)
    if g.chance(0.7):
        d.left("UDI（产品标识）：" + f"(01){g.num(10**13, 10**14 - 1)}(17){g.f.fmt_date(g.f.later(op, 200, 900), 'iso').replace('-', '')[2:]}", scale=0.9)
    d.left("【条形码/合格证粘贴处】", scale=0.95)
    d.gap(g.num(10, 30))
    d.kv([("手术医师", g.pn()), ("器械护士", g.pn()), ("巡回护士", "（签名）")], cols=3)
    d.para("使用前已核对产品名称、规格、灭菌有效期及包装完整性；已向患者或家属告知植入物的种类、价格及医保支付类别，"
           "患者或家属已签署高值耗材使用知情同意书。", indent=0)
    d.kv([("患者或家属签字", g.pn() if g.chance(0.5) else g.pn(p["name"])), ("日期", g.d(op))], cols=2)
    d.left("本单一式三联：第一联归入病历，第二联交医学装备部（耗材管理科）存档备查，第三联交供应商。植入器械追溯资料保存期限不少于"
           + g.pick(["产品有效期满后5年", "30年", "永久"]) + "。", scale=0.88)
