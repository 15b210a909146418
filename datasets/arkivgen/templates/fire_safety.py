"""消防安全类: fire inspections, drills, hazard rectification."""

from . import template

AREAS = ["门诊楼一层大厅", "住院部五楼走廊", "手术室", "药库", "配电房", "厨房", "地下车库", "医技楼三楼", "档案库房",
         "信息中心机房", "氧气站", "病理科", "检验科", "行政楼", "污水处理站", "高压氧舱"]
HAZARDS = ["安全出口被杂物堵塞", "疏散指示标志不亮", "灭火器压力不足", "消火栓箱内水带缺失", "电动车在楼道内充电",
           "防火门常闭状态被打开", "配电箱周边堆放可燃物", "私拉乱接电线", "烟感探测器被遮挡", "应急照明灯故障",
           "消防通道被车辆占用", "库房物品距灯具过近"]


@template("fire_safety", "patrol_record", {"S2": 1})
def patrol_record(g, d):
    d.title(g.pick(["防火巡查记录表", "每日防火巡查记录", "消防安全巡查登记表"]), scale=1.4)
    d.kv([("巡查部门", "保卫处"), ("月份", f"{g.year}年{g.num(1, 12)}月")], cols=2)
    rows = []
    day = g.day()
    for _ in range(g.num(6, 38)):
        day = g.f.later(day, 0, 2)
        bad = g.chance(0.25)
        rows.append([g.d(day), g.f.time(), g.pick(AREAS), g.pick(HAZARDS) if bad else "未见异常",
                     g.pick(["当场整改", "已通知科室整改"]) if bad else "—", "巡查员"])
    d.table(["日期", "时间", "巡查部位", "发现问题", "处理情况", "巡查人"], rows, size=0.85)


@template("fire_safety", "drill_report", {"S2": 4, "S5": 1})
def drill_report(g, d):
    if g.mark_if_restricted(d):
        d.title("要害部位灭火和应急疏散预案", scale=1.35)
        d.para(f"适用范围：信息中心核心机房、机要室、涉密档案库房及{g.pick(['放射源库', '麻醉药品库', '配电房'])}等要害部位。")
        d.para(f"一、部位情况：机要室位于{g.pick(['行政楼', '综合楼'])}{g.num(2, 8)}楼，存放涉密文件柜{g.num(2, 12)}组；"
               f"核心机房设七氟丙烷气体灭火系统{g.num(1, 4)}套，监控点位及门禁布设见附图。")
        d.para("二、处置程序：发现火情后，值守人员立即启动气体灭火系统并报告保卫处；涉密载体由保密办公室指定人员转移至备用保密室，"
               "无关人员不得进入现场。")
        d.para("三、本预案含要害部位布局和安全防范信息，属工作秘密，按规定范围分发，不得复印。")
        g.sign_date(d, "保卫处  保密办公室", dept="保卫处")
        return
    area = g.pick(AREAS)
    d.title(g.pick(["消防应急疏散演练总结", "灭火和应急疏散预案演练记录", "消防演练方案"]), scale=1.35)
    d.kv([("演练时间", g.d(g.day()) + " " + g.pick(["上午10:00", "下午3:00", "夜间21:00"])), ("演练地点", area),
          ("参演人员", f"{g.num(20, 200)}人"), ("组织部门", "保卫处")], cols=2)
    d.heading("一、演练目的")
    d.para("检验灭火和应急疏散预案的可操作性，提高医务人员初起火灾扑救和组织患者疏散的能力。")
    d.heading("二、演练过程")
    d.para(f"模拟{area}{g.pick(['电气线路短路起火', '被褥着火', '烟雾报警'])}，发现人员立即报警并使用灭火器扑救，"
           f"科室启动应急预案，按照“先重症后轻症、先行动不便后行动方便”的原则疏散患者，共用时{g.num(3, 15)}分钟。"
           "微型消防站队员3分钟内到场处置。")
    d.heading("三、存在问题及改进措施")
    d.para(g.pick(["部分人员对灭火器使用不熟练；", "疏散路线指引不够清晰；", "广播系统音量不足；"]) + "下一步将加强全员培训，每半年组织一次演练。")
    g.sign_date(d, "保卫处", stamp=g.chance(0.5), dept="保卫处")


@template("fire_safety", "rectification_notice", {"S2": 1})
def rectification_notice(g, d):
    d.title("火灾隐患整改通知书", scale=1.5)
    d.right(f"编号：XF{g.year}-{g.num(1, 200):03d}")
    d.left(g.pick([g.f.dept(), g.f.admin_dept(), "后勤保障部"]) + "：")
    d.para(f"{g.d(g.day())}，保卫处在消防安全检查中发现你科室存在以下火灾隐患：")
    for k, h in enumerate(g.f.sample(HAZARDS, g.num(2, 4)), 1):
        d.para(f"{k}. {g.pick(AREAS)}{h}；", indent=0)
    d.para(f"根据《中华人民共和国消防法》和医院消防安全管理规定，请于{g.num(1, 15)}日内整改完毕，并将整改情况书面报保卫处。"
           "逾期未整改的，将予以通报并纳入科室考核。")
    g.sign_date(d, "保卫处（消防安全管理办公室）", dept="保卫处")
    d.left("科室负责人签收：____________", scale=0.95)


@template("fire_safety", "volunteer_team", {"S3": 1})
def volunteer_team(g, d):
    d.title(g.pick(["微型消防站队员名单", "义务消防队人员花名册", "消防安全责任人及管理人名单"]), scale=1.35)
    rows = [[str(k), g.pn(), g.pick([g.f.dept(), g.f.admin_dept()]), g.pick(["站长", "队员", "队员", "通讯员", "安全员"]),
             g.pphone(True)] for k in range(1, g.num(8, 20) + 1)]
    d.table(["序号", "姓名", "所在部门", "职责", "手机号码"], rows)
    d.left("说明：队员须保持24小时通讯畅通，接警后3分钟内到达现场。", scale=0.9)


@template("fire_safety", "public_notice", {"S1": 1}, en=True)
def public_notice(g, d):
    if g.en:
        d.title("FIRE SAFETY NOTICE", scale=1.6)
        for t in ["Smoking is prohibited in all hospital buildings.", "Do not block fire exits, corridors or stairways.",
                  "In case of fire, call 119 and follow the instructions of hospital staff.",
                  "Do not use lifts during a fire. Use the marked evacuation routes.",
                  "Charging electric bicycles inside buildings is strictly forbidden."]:
            d.para("- " + t, indent=0)
        d.right("Security Department")
        return
    d.title(g.pick(["消防安全告知书", "禁止吸烟的公告", "消防安全温馨提示"]), scale=1.5)
    d.para("尊敬的患者及家属：为保障您和他人的生命财产安全，请遵守以下消防安全规定：")
    for k, t in enumerate(["院内全面禁止吸烟；", "严禁在病房内使用电炉、电热毯等大功率电器；", "严禁占用、堵塞疏散通道和安全出口；",
                           "严禁携带易燃易爆物品进入医院；", "发现火情请立即拨打119并告知医护人员；", "火灾时请勿乘坐电梯，听从工作人员指挥疏散。"], 1):
        d.left(f"{k}. {t}")
    d.right(g.hosp["name"] + "保卫处")


@template("fire_safety", "extinguisher_check", {"S2": 1})
def extinguisher_check(g, d):
    d.title("灭火器月度检查记录表", scale=1.4)
    d.kv([("检查区域", g.pick(AREAS)), ("检查日期", g.d(g.day()))], cols=2)
    rows = []
    for k in range(1, g.num(8, 24) + 1):
        rows.append([f"MHQ-{g.num(1, 999):03d}", g.pick(["MFZ/ABC4", "MFZ/ABC5", "MT/3", "MFTZ/ABC35"]), g.pick(AREAS),
                     g.pick(["绿区", "绿区", "绿区", "红区"]), g.pick(["完好", "完好", "铅封缺失"]), f"{g.num(2019, 2025)}.{g.num(1, 12):02d}"])
    d.table(["编号", "型号", "放置位置", "压力", "外观", "生产日期"], rows, size=0.85)
    d.left("检查人：保卫处          审核：", scale=0.95)


@template("fire_safety", "incident_report", {"S2": 2, "S4": 1})
def incident_report(g, d):
    area = g.pick(AREAS)
    d.title(g.pick(["火情处置情况报告", "火灾事故调查报告", "电气火情事件报告"]), scale=1.35)
    d.para(f"{g.d(g.day())}{g.f.time()}，{area}{g.pick(['一台充电器过热冒烟', '配电箱内线路短路起火', '微波炉使用不当引燃食物'])}，"
           f"值班人员发现后立即使用灭火器扑灭，并启动应急预案。消防控制室于{g.num(1, 3)}分钟内确认火警，微型消防站队员到场处置。"
           f"火情持续约{g.num(2, 15)}分钟，过火面积约{g.num(1, 10)}平方米。")
    if g.level == "S4":
        p = g.patient(20, 90)
        d.para("人员伤亡情况：疏散过程中", g.pn(p["name"]), f"（{p['sex']}，{p['age']}岁，住院号：", g.pmrn(),
               f"，原发病{g.f.diagnosis(False)[0]}）吸入少量烟雾，出现胸闷、咳嗽，经吸氧及对症处理后症状缓解，病情平稳。")
    else:
        d.para("人员伤亡情况：无人员伤亡。财产损失：设备损坏1台，直接经济损失约" + str(g.num(1, 50)) + "千元。")
    d.para("原因分析及整改措施：" + g.pick(["电气线路老化，已全面排查更换；", "违规使用电器，已对责任科室通报批评；"]) + "举一反三，开展全院电气火灾隐患排查。")
    g.sign_date(d, "保卫处", dept="保卫处")


@template("fire_safety", "training_signin", {"S3": 1})
def training_signin(g, d):
    d.title(f"{g.year}年度消防安全知识培训签到表", scale=1.35)
    d.kv([("培训内容", g.pick(["灭火器及消火栓使用", "火灾应急疏散", "“四个能力”建设", "电气火灾预防"])),
          ("培训时间", g.d(g.day())), ("授课人", "保卫处")], cols=1)
    rows = []
    for k in range(1, g.num(10, 26) + 1):
        rows.append([str(k), g.pn(), g.pick([g.f.dept(), g.f.admin_dept()]), g.f.staff_no(), g.pphone(True) if g.chance(0.6) else ""])
    d.table(["序号", "姓名", "科室", "工号", "联系电话"], rows, size=0.88)
