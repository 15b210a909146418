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
