"""消防安全类: fire inspections, drills, hazard rectification."""

from ..fields import amount_upper
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


HOT_WORK_MEASURES = ["动火点周围10米内易燃可燃物已清除", "动火点下方已采取防火花飞溅措施", "配备灭火器不少于2具",
                     "焊割设备完好，气瓶间距符合要求", "动火区域已设置警戒标识", "作业人员持有效特种作业操作证",
                     "已关闭相关区域烟感探测器并通知消防控制室", "动火结束后留守观察30分钟"]


@template("fire_safety", "hot_work_permit", {"S3": 1})
def hot_work_permit(g, d):
    """动火作业审批表: place, method, grade, time window, applicant and watcher, measures checklist."""
    start = g.day()
    d.title(g.pick(["动火作业审批表", "动火作业许可证", "临时动火作业申请单"]), scale=1.45)
    d.right(f"编号：DH{start.year}{g.num(1, 500):03d}")
    d.table(None, [["申请单位", g.f.company(g.pick(["建设", "安装"]))],
                   ["动火地点", f"{g.pick(['门诊楼', '住院部', '医技楼', '地下车库', '锅炉房', '污水处理站'])}{g.pick(['屋面', '设备层', '管道井', '地下一层', '配电间'])}"],
                   ["动火方式", g.pick(["电焊", "气割", "电焊及气割", "热熔", "切割打磨"])],
                   ["动火等级", g.pick(["一级动火", "二级动火", "三级动火"])],
                   ["动火时间", f"{g.d(start)} {g.num(8, 13)}:00至{g.num(14, 18)}:00"]])
    d.kv([("申请人", g.pn()), ("联系电话", g.pphone(True)), ("动火人签字", g.pn()), ("特种作业证号", g.pid()),
          ("监护人", g.pn()), ("监护人电话", g.pphone(True))], cols=2)
    d.table(["序号", "安全措施", "确认"], [[str(k), m, "√"] for k, m in enumerate(g.f.sample(HOT_WORK_MEASURES, g.num(5, 8)), 1)],
            size=0.9)
    d.table(["施工单位负责人", "基建处意见", "保卫处（消防）审批"],
            [["已交底", "同意", g.pick(["同意，严格落实监护", "同意"])]], size=0.88)
    d.left("本审批表一次有效，不得涂改；动火作业超过批准时间须重新办理。", scale=0.9)


FIRE_SYSTEMS = ["火灾自动报警系统", "自动喷水灭火系统", "室内外消火栓系统", "防烟排烟系统", "消防应急照明和疏散指示系统",
                "防火门及防火卷帘", "气体灭火系统", "消防水泵房及稳压设施", "消防广播及电话系统"]


@template("fire_safety", "maintenance_contract", {"S2": 1})
def maintenance_contract(g, d):
    """消防设施维护保养合同: parties, scope, service, fee (in words), response times, liabilities."""
    fee = g.f.money(30000, 600000)
    years = g.pick([1, 1, 2, 3])
    d.title(g.pick(["建筑消防设施维护保养合同", "消防设施维保服务合同"]), scale=1.45)
    d.right(f"合同编号：{g.hosp['short']}XF-{g.year}-{g.num(1, 99):02d}")
    d.kv([("甲方（委托方）", g.hosp["name"]), ("乙方（服务方）", g.f.company(g.pick(["科技", "工程"])) )], cols=1)
    d.para("根据《中华人民共和国民法典》《消防法》及有关规定，甲乙双方经平等协商，就甲方建筑消防设施维护保养事宜订立本合同。")
    clauses = [
        ("维保范围", "甲方院区内的" + "、".join(g.f.sample(FIRE_SYSTEMS, g.num(4, 7))) + "等建筑消防设施，"
                    f"建筑面积约{g.num(2, 40)}万平方米。"),
        ("服务内容", "乙方按照《建筑消防设施的维护管理》标准，每月进行一次巡检保养，每季度进行一次系统联动测试，"
                    "每年出具一次消防设施检测报告，并做好维保记录。"),
        ("服务期限", f"自{g.d(g.day())}起，为期{years}年。"),
        ("合同价款", f"合同总价人民币{fee:,.2f}元（大写：{amount_upper(fee)}），按季度支付。"),
        ("响应时间", f"接到甲方故障报修后，乙方须在{g.pick([30, 60, 120])}分钟内响应，{g.pick([2, 4, 24])}小时内到场处理。"),
        ("违约责任", "乙方未按约定完成维保工作或因维保不到位导致设施失效的，甲方有权扣减相应费用，造成损失的由乙方承担赔偿责任。"),
        ("争议解决", "本合同履行中发生争议，双方协商解决；协商不成的，向甲方所在地人民法院提起诉讼。"),
    ]
    for k, (head, body) in enumerate(clauses, 1):
        d.para(f"第{'一二三四五六七八'[k - 1]}条 {head}：{body}", indent=0)
    signed = g.d(g.day())
    d.table(["甲方（盖章）", "乙方（盖章）"], [[signed, signed]], size=0.9)


@template("fire_safety", "evacuation_guide", {"S1": 1})
def evacuation_guide(g, d):
    """安全疏散指引: a public notice of escape routes per floor with rules for patients and visitors."""
    bld = g.pick(["门诊楼", "住院部", "医技楼", "急诊综合楼", "儿科楼"])
    d.title(g.pick([f"{bld}安全疏散指引", f"{bld}消防疏散示意说明", "致患者及陪护人员的安全疏散须知"]), scale=1.4)
    d.para("本楼设有自动喷水灭火系统和火灾自动报警系统。发生火灾时，请保持冷静，听从医护人员指挥，按下列路线有序疏散：")
    rows = []
    for fl in range(1, g.num(4, 9) + 1):
        rows.append([f"{fl}层", g.pick(["东侧", "西侧", "南侧", "北侧", "中部"]) + g.pick(["候诊区", "病区", "护士站", "检查室"]),
                     g.pick(["沿走廊向东", "沿走廊向西", "经护士站向南", "经电梯厅向北"]) + "至" + g.pick(["1号", "2号", "3号"]) + "疏散楼梯",
                     g.pick(["东侧楼梯", "西侧楼梯", "南门", "北门"]),
                     g.pick(["门诊广场", "院内停车场", "住院部前广场", "东侧绿地"])])
    d.table(["楼层", "区域", "疏散路线", "安全出口", "集合点"], rows, size=0.88)
    for k, t in enumerate(["火灾时请勿乘坐电梯。", "用湿毛巾捂住口鼻，低姿前进。", "行动不便的患者由医护人员协助转移。",
                           "请勿返回火场取物品。", "发现火情请立即拨打119或告知身边的工作人员。"], 1):
        d.left(f"{k}. {t}")
    d.right(g.hosp["name"] + "保卫处（消防安全管理办公室）")


CONTROL_CHECKS = ["火灾报警控制器", "消防联动控制器", "消防应急广播", "消防专用电话", "消防水泵控制柜", "喷淋泵控制柜",
                  "防排烟风机控制盘", "应急照明控制器", "气体灭火控制盘", "消防电梯迫降功能", "图形显示装置", "主备电源"]
FALSE_ALARMS = [("火警", "感烟探测器", "现场核实为使用电热水壶水汽触发，属误报", "复位，告知科室注意"),
                ("火警", "感烟探测器", "现场核实为施工打磨粉尘触发，属误报", "复位，通知施工单位做好遮挡"),
                ("火警", "手动报警按钮", "现场核实为患者家属误按", "复位并加装防护罩"),
                ("火警", "感温探测器", "现场核实为空调出风口热气流影响，属误报", "复位，调整探测器位置"),
                ("火警", "感烟探测器", "现场核实为探测器积尘，属误报", "复位，清洗探测器"),
                ("故障", "探测器", "探测器通讯故障", "已报维保单位更换"),
                ("故障", "输入模块", "模块线路接触不良", "维保单位到场修复"),
                ("监管", "信号阀", "管网检修关闭信号阀", "检修完毕后恢复开启"),
                ("反馈", "排烟阀", "联动测试动作反馈", "测试结束后复位"),
                ("故障", "", "控制器主电故障，市电停电切换至备电", "来电后自动恢复")]


@template("fire_safety", "control_room_log", {"S2": 3, "S3": 2})
def control_room_log(g, d):
    """消防控制室值班记录: equipment status at hand-over, alarm log with verification, shift hand-over.
    S2 when shifts are written as posts; S3 when the operators' names, certificates and phones are listed."""
    day = g.day()
    d.title(g.pick(["消防控制室值班记录表", "消防控制室日常值班记录", "火灾报警控制器运行值班日志"]), scale=1.4)
    d.kv([("控制室位置", g.pick(["门诊楼一层", "综合楼负一层", "住院部一层东侧", "行政楼一层"])), ("日期", g.d(day)),
          ("控制器型号", f"JB-{g.pick(['QB', 'QG', 'LG'])}-{g.pick(['GST', 'TX', 'LD', 'JBF'])}{g.num(100, 9000)}"), ("值班方式", "24小时双人值班")], cols=2)
    numbered = g.chance(0.5)
    d.heading("一、设备运行状态检查" if numbered else "交接班时设备状态：")
    checks = g.f.sample(CONTROL_CHECKS, g.num(6, 10))
    rows = []
    for c in checks:
        ok = g.chance(0.88)
        rows.append([c, "正常" if ok else "故障", g.pick(["自动状态", "—", "—"]) if ok else g.pick(["已报修", "维保单位处理中"])])
    d.table(["检查项目", "运行状态", "备注"], rows, size=0.88)
    d.heading("二、报警及处置记录" if numbered else "火警、故障信息处置：")
    alarms = []
    for _ in range(g.num(0, 7)):
        kind, dev, fact, act = g.pick(FALSE_ALARMS)
        where = f"{g.pick(AREAS)}{dev}{g.num(1, 12)}-{g.num(1, 200):03d}" if dev else "消防控制室"
        alarms.append([g.f.time(), kind, where, fact, act])
    if alarms:
        alarms.sort()
        d.table(["时间", "类型", "报警部位", "核实情况", "处理结果"], alarms, size=0.84)
    else:
        d.para("本班次火灾报警控制器未发生火警、故障信息，系统运行正常。", indent=0)
    if g.level == "S3":
        d.heading("三、值班人员" if numbered else "值班人员：")
        shifts = [("白班", "08:00—20:00"), ("夜班", "20:00—次日08:00")]
        rows = []
        for sh, t in shifts:
            for _ in range(2):
                rows.append([sh, t, g.pn(), f"{g.num(1, 5)}{g.num(10**11, 10**12 - 1)}", g.pphone(True)])
        d.table(["班次", "时间", "值班员", "消防设施操作员证号", "联系电话"], rows, size=0.86)
        d.kv([("交班人", g.pn()), ("接班人", g.pn())], cols=2)
    else:
        d.para(g.pick(["交接班情况：设备状态、未处理事项及钥匙、记录本已当面交接清楚。值班员均持消防设施操作员证上岗。",
                       "交接班情况：交班时发现的故障已登记并通知维保单位；A岗、B岗值班员交接清楚后签字。"]), indent=0)
        d.left("交班：白班A岗、B岗（签字）        接班：夜班A岗、B岗（签字）", scale=0.95)
    d.left(g.pick(["保卫处检查意见：记录完整，处置及时。", "保卫处检查意见：误报较多的部位请维保单位排查。", "保卫处检查意见："]),
           scale=0.95)


ELEC_PARTS = ["总配电柜", "楼层配电箱", "照明配电箱", "动力配电箱", "空调配电箱", "UPS输出柜", "医用IT系统配电箱", "电梯配电箱",
              "厨房动力箱", "信息机房配电柜"]
ELEC_DEFECTS = ["接线端子温度偏高，存在接触不良", "线缆绝缘电阻偏低，绝缘层老化", "剩余电流超过30mA", "零线与地线混接",
                "配电箱内积尘严重", "未设置剩余电流动作保护装置", "桥架内线缆敷设杂乱、未做防火封堵", "插座回路负荷过大"]


@template("fire_safety", "electrical_test_report", {"S2": 1})
def electrical_test_report(g, d):
    """电气防火检测报告: a testing company's report on distribution boards — infrared temperature,
    insulation resistance, residual current — with conclusions and rectification advice (no people)."""
    bld = g.pick(["门诊楼", "住院部", "医技楼", "综合楼", "后勤楼", "全院区"])
    day = g.day()
    d.title(g.pick(["电气防火检测报告", "电气火灾隐患检测报告", f"{bld}配电线路电气安全检测报告"]), scale=1.4)
    d.right(f"报告编号：DQ{g.year}{g.num(1, 999):03d}")
    d.kv([("委托单位", g.hosp["name"]), ("检测单位", g.f.company(g.pick(["科技", "消防"]))), ("检测对象", f"{bld}低压配电系统"),
          ("检测日期", g.d(day)), ("检测依据", g.pick(["GB 50054《低压配电设计规范》、GB/T 13869《用电安全导则》",
                                                    "GB 50016《建筑设计防火规范》、GB 14287《电气火灾监控系统》",
                                                    "DB 地方标准《电气防火检测技术规程》"])),
          ("检测仪器", "红外热像仪、绝缘电阻测试仪、钳形漏电流表")], cols=1)
    rows, bad = [], []
    for k in range(1, g.num(6, 18) + 1):
        fl = g.num(1, 9)
        part = f"{fl}F-{g.pick(ELEC_PARTS)}"
        where = (bld if bld != "全院区" else g.pick(["门诊楼", "住院部", "医技楼"])) + (
            "负一层变配电室" if "总配电柜" in part else f"{fl}层" + g.pick(["强电井", "配电间", "设备间"]))
        temp = g.num(28, 62) if g.chance(0.85) else g.num(70, 105)
        r = g.rng.random()
        ins = ">500" if r < 0.5 else str(g.num(50, 480)) if r < 0.93 else str(g.num(1, 9) / 10)
        leak = g.num(1, 25) if g.chance(0.88) else g.num(31, 90)
        faults = ([ELEC_DEFECTS[0]] if temp >= 70 else []) + ([ELEC_DEFECTS[1]] if ins.startswith("0.") else []) + (
            [ELEC_DEFECTS[2]] if leak > 30 else [])
        ok = not faults
        bad += [f for f in faults if f not in bad]
        rows.append([str(k), part, where, str(temp), ins, str(leak),
                     "合格" if ok else "不合格"])
    d.table(["序号", "配电箱/回路", "安装位置", "最高温度(℃)", "绝缘电阻(MΩ)", "剩余电流(mA)", "判定"], rows, size=0.82)
    d.heading("检测结论")
    nbad = sum(1 for r in rows if r[-1] == "不合格")
    extra = g.f.sample(ELEC_DEFECTS[3:], g.num(0, 2))
    d.para(f"本次共检测配电箱（柜）{len(rows)}台，合格{len(rows) - nbad}台，不合格{nbad}台。" +
           ("不合格项主要为：" + "；".join(bad) + "。" if bad else "各回路温升、绝缘电阻及剩余电流均在规范允许范围内。") +
           ("检测中另发现：" + "；".join(extra) + "。" if extra
            else "" if bad else "未发现电气火灾隐患。"))
    if bad or extra or g.chance(0.5):
        d.heading("整改建议")
        for k, t in enumerate(g.f.sample(["对温度异常的接线端子重新紧固或更换，整改后复测。", "更换老化线缆，规范桥架防火封堵。",
                                          "末端插座回路加装剩余电流动作保护装置。", "定期清扫配电箱，严禁周边堆放可燃物。",
                                          "将检测数据纳入电气火灾监控系统，实现实时监测。"], g.num(2, 4)), 1):
            d.para(f"{k}. {t}", indent=0)
    d.table(["检测", "审核", "批准"], [["（签字）", "（签字）", "（签字）"]], size=0.88)
    d.left("本报告仅对本次检测对象和检测时的状态负责；未加盖检测专用章无效。", scale=0.88)


DUTY_CLAUSES = ["科室主任为本科室消防安全责任人，对本科室消防安全工作全面负责。",
                "每日开展防火巡查，每月组织一次防火检查，建立巡查检查记录。",
                "保持疏散通道、安全出口畅通，不得占用、堵塞、封闭。",
                "组织本科室人员参加消防培训和演练，做到“四懂四会”。",
                "严禁私拉乱接电线、违规使用大功率电器和明火。",
                "发现火灾隐患立即整改，不能立即整改的及时报告保卫处。",
                "对陪护人员、进修实习人员进行消防安全告知。",
                "氧气瓶、酒精等易燃易爆物品按规定存放和使用。"]
PLEDGE_CLAUSES = ["遵守医院消防安全管理制度，服从保卫处的监督检查。", "经营场所内不使用液化气瓶，不存放易燃易爆危险品。",
                  "配备足量有效的灭火器材，员工会报警、会使用灭火器、会组织疏散。", "营业结束后切断非必要电源，专人检查后方可离开。",
                  "不在疏散通道、楼梯间堆放货物。", "因本单位原因引发火灾事故的，依法承担全部责任。"]


@template("fire_safety", "responsibility_pledge", {"S3": 1})
def responsibility_pledge(g, d):
    """消防安全责任书 (hospital and a department head) or 消防安全承诺书 (a tenant or contractor on site):
    duties, term, signatures with the responsible person's name, ID number and phone."""
    if g.chance(0.55):
        dept = g.pick([g.f.dept(), g.f.dept(), g.f.admin_dept()])
        d.title(g.pick([f"{g.year}年度消防安全目标责任书", "科室消防安全责任书", "消防安全责任状"]), scale=1.45)
        d.kv([("甲方", g.hosp["name"] + "（消防安全委员会）"), ("乙方", dept)], cols=1)
        d.para("为落实消防安全责任制，预防和减少火灾事故，根据《中华人民共和国消防法》和《机关、团体、企业、事业单位消防安全"
               "管理规定》，结合医院实际，签订本责任书。")
        d.heading("一、责任目标")
        d.para(f"全年不发生火灾事故，火灾隐患整改率100%，职工消防培训覆盖率{g.pick(['100%', '不低于95%'])}。")
        d.heading("二、乙方责任")
        for k, t in enumerate(g.f.sample(DUTY_CLAUSES, g.num(4, 7)), 1):
            d.para(f"{k}. {t}", indent=0)
        d.heading("三、考核与奖惩")
        d.para("责任书履行情况纳入科室年度综合目标考核；发生火灾事故的，实行“一票否决”，并追究责任人责任。")
        d.para(f"本责任书自签订之日起生效，有效期至{g.year}年12月31日。一式两份，甲乙双方各执一份。")
        d.table(["甲方（盖章）", "乙方消防安全责任人", "联系电话"],
                [["消防安全责任人：院长", g.pn(), g.pphone(True)]], size=0.9)
        if g.chance(0.5):
            d.kv([("科室消防安全管理人", g.pn()), ("联系电话", g.pphone(True))], cols=2)
        d.right(g.d(g.day()))
        return
    unit, place = g.pick([(g.f.company("物业"), "院区停车场及收费亭"), (g.f.company("商贸"), "门诊楼一层商铺"),
                          (g.f.company("商贸"), "住院部负一层便利超市"), (g.f.company("物业"), "职工食堂"),
                          (g.f.company("建设"), "住院楼改造施工现场"), (g.f.company("安装"), "医技楼设备层施工区")])
    boss = g.f.name()
    d.title(g.pick(["消防安全承诺书", "入驻单位消防安全承诺书", "施工（经营）单位消防安全承诺书"]), scale=1.45)
    d.kv([("承诺单位", unit), ("经营（作业）场所", place), ("负责人", g.pn(boss)), ("身份证号", g.pid()), ("联系电话", g.pphone()),
          ("现场消防安全员", g.pn())], cols=2)
    d.para(f"本单位在{g.hosp['name']}{place}经营（作业）期间，自觉履行消防安全主体责任，郑重承诺如下：")
    for k, t in enumerate(g.f.sample(PLEDGE_CLAUSES, g.num(4, 6)), 1):
        d.para(f"{k}. {t}", indent=0)
    d.para("如违反上述承诺，自愿接受医院按合同约定作出的处理。")
    d.sign(["承诺单位（盖章）：" + unit, ["负责人（签字）：", g.pn(boss)], g.d(g.day())])
    d.left("本承诺书一式两份，保卫处留存一份。", scale=0.9)


INJURIES = [("烟雾吸入", "指脉氧{spo2}%，予面罩吸氧、雾化吸入", "留观"), ("右手Ⅰ度烧伤约1%TBSA", "冷水冲洗，清创换药", "门诊随访"),
            ("面颈部浅Ⅱ度烧伤约{pct}%TBSA", "清创、补液、抗感染", "收入烧伤科"), ("吸入性损伤（轻度）", "吸氧、支气管镜检查", "收入呼吸科"),
            ("疏散时跌倒致左腕部软组织挫伤", "X线片未见骨折，予制动", "门诊随访"), ("惊吓后血压升高至{bp}/{dbp}mmHg", "心电监护、对症处理", "返回原病区"),
            ("双下肢深Ⅱ度烧伤约{pct}%TBSA", "液体复苏、创面处理", "转入ICU")]


@template("fire_safety", "fire_casualty_register", {"S4": 3, "S5": 1})
def fire_casualty_register(g, d):
    """火灾事故受伤人员救治情况: the fire in brief, then a register of the injured (patients, carers,
    staff) with identifiers, injuries and treatment. S5 when the fire started in a psychiatric ward and
    the record names the patient's diagnosis."""
    area = g.pick(AREAS) if g.level != "S5" else g.pick(["精神科病区", "心理卫生科病房", "精神科封闭病区"])
    day = g.day()
    d.title(g.pick(["火灾事故受伤人员救治情况登记表", "火灾伤员救治情况报告", "院内火情受伤人员情况统计表"]), scale=1.4)
    d.right(g.pick(["报送：市卫生健康委、辖区消防救援大队", "保卫处、医务处联合填报", f"编号：HZ{g.year}-{g.num(1, 30):02d}"]))
    cause = g.pick(["充电中的电动轮椅电池起火", "病房内违规使用的电热器具引燃被褥", "配电箱线路短路起火", "治疗室酒精倾洒遇电火花起火"])
    lead = [f"{g.d(day)} {g.f.time()}，{area}发生火情，"]
    if g.level == "S5":
        p = g.patient(18, 70)
        dx = g.f.diagnosis("psychiatric")
        lead += ["起火原因初步查明为住院患者", g.pn(p["name"]), f"（{p['sex']}，{p['age']}岁，住院号：", g.pmrn(), f"，诊断：{dx[0]}）"
                 f"在{g.pick(['病房卫生间', '病床上', '活动室'])}用私藏的打火机点燃{g.pick(['被褥', '衣物', '纸张'])}。"]
    else:
        lead.append(f"起火原因初步查明为{cause}。")
    lead.append(f"医院立即启动火灾应急预案，微型消防站{g.num(1, 3)}分钟内到场处置，火情于{g.num(3, 20)}分钟后扑灭，"
                f"共疏散患者及陪护{g.num(10, 120)}人。")
    d.para(*lead)
    rows = []
    n = g.num(2, 8)
    for k in range(1, n + 1):
        role = g.pick(["住院患者", "住院患者", "陪护家属", "职工"])
        sex = g.f.sex()
        age = g.num(20, 88) if role != "职工" else g.num(22, 58)
        inj, treat, goes = g.pick(INJURIES)
        inj = inj.format(pct=g.num(2, 12), bp=g.num(160, 200), dbp=g.num(90, 115))
        treat = treat.format(spo2=g.num(85, 94))
        ident = g.pmrn() if role == "住院患者" else ("工号" + g.f.staff_no() if role == "职工" else "—")
        base = g.f.diagnosis(False)[0] if role == "住院患者" else "—"
        rows.append([str(k), g.pn(g.f.name(sex)), sex, str(age), role, ident, base, inj, treat, goes])
    d.table(["序号", "姓名", "性别", "年龄", "身份", "住院号/工号", "原发疾病", "伤情", "处置", "去向"], rows, size=0.8)
    heavy = sum(1 for r in rows if r[-1] in ("收入烧伤科", "转入ICU"))
    d.para(f"共{n}人受伤，其中住院治疗{heavy}人，留观及门诊处理{n - heavy}人，无人员死亡。", indent=0)
    d.heading(g.pick(["救治组织情况", "医疗救治措施"]))
    d.para("医务处组织急诊科、烧伤整形科、呼吸与危重症医学科专家成立救治组，实行“一人一案”；护理部调配护士加强重点患者监护；"
           "对受惊吓的患者及家属开展心理疏导。伤员病情每日向院总值班报告。")
    if g.level == "S5":
        d.para("起火患者已由精神科加强看护，按规定实施风险评估和安全检查，病区开展违禁品清查。本登记表涉及精神障碍患者信息，"
               "按特殊病种资料管理，仅限医务处、保卫处经办人员查阅。")
    g.sign_date(d, g.pick(["保卫处  医务处", "医院火灾事故处置领导小组"]), date=g.f.later(day, 0, 2), dept="保卫处")
