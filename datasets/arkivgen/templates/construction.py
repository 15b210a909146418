"""建筑建设类: building projects, drawings, acceptance records, permits."""

import datetime as dt

from ..fields import BANK_BINS, COMPANY_WORDS, amount_upper
from . import template

PARTS = ["基础工程", "主体结构", "屋面工程", "给排水工程", "电气安装工程", "通风与空调工程", "装饰装修工程", "智能化工程",
         "医用气体工程", "洁净工程", "室外管网工程", "幕墙工程"]


@template("construction", "tender_announcement", {"S1": 1})
def tender_announcement(g, d):
    prj = g.f.project()
    d.title(f"{g.hosp['name']}{prj}施工招标公告", scale=1.25)
    d.left(f"招标编号：{g.city[:2]}ZB{g.year}-{g.num(1, 300):03d}")
    d.heading("一、招标条件")
    d.para(f"本招标项目{prj}已由{g.city}发展和改革委员会批准建设，建设资金来自{g.pick(['财政资金', '自筹资金', '财政资金及自筹资金'])}，"
           "项目已具备招标条件，现对该项目的施工进行公开招标。")
    d.heading("二、项目概况与招标范围")
    d.para(f"建设地点：院区内。建筑面积约{g.num(800, 60000)}平方米，计划工期{g.num(90, 720)}日历天，"
           f"招标控制价约{g.num(80, 30000)}万元。招标范围：施工图纸及工程量清单所包含的全部内容。")
    d.heading("三、投标人资格要求")
    d.para(f"投标人须具备建筑工程施工总承包{g.pick(['二级', '一级', '三级'])}及以上资质，并在人员、设备、资金等方面具有相应的施工能力。")
    d.heading("四、招标文件的获取")
    d.para(f"凡有意参加投标者，请于{g.d(g.day())}至{g.d(g.day())}登录{g.city}公共资源交易中心网站下载招标文件。")
    d.sign([f"招标人：{g.hosp['name']}", f"招标代理机构：{g.f.company('工程')}", g.d(g.day())])


@template("construction", "completion_acceptance", {"S2": 1})
def completion_acceptance(g, d):
    prj = g.f.project()
    d.title("单位工程竣工验收记录", scale=1.4)
    d.table(None, [["工程名称", prj, "结构类型", g.pick(["框架结构", "框架剪力墙结构", "钢结构"])],
                   ["建筑面积", f"{g.num(800, 60000)}㎡", "层数", f"地上{g.num(2, 24)}层/地下{g.num(0, 3)}层"],
                   ["施工单位", g.f.company("建设"), "监理单位", g.f.company("监理")],
                   ["开工日期", g.d(g.day(g.year - 1)), "竣工日期", g.d(g.day())]])
    rows = [[str(k), part, f"共{g.num(3, 12)}分部，经查符合设计及标准规定{g.num(3, 12)}分部", g.pick(["合格", "合格", "符合要求"])]
            for k, part in enumerate(g.f.sample(PARTS, g.num(4, 7)), 1)]
    d.table(["序号", "项目", "验收记录", "验收结论"], rows)
    d.para("综合验收结论：" + g.pick(["该工程已按设计文件和合同约定完成，质量符合验收标准，同意验收。",
                                  "经各方验收，工程质量合格，观感质量评价为好，同意竣工验收。"]), indent=0)
    d.kv([("建设单位（公章）", ""), ("监理单位（公章）", ""), ("施工单位（公章）", ""), ("设计单位（公章）", "")], cols=2)


@template("construction", "construction_permit", {"S1": 1, "S2": 2})
def construction_permit(g, d):
    d.title("建筑工程施工许可证", scale=1.6)
    d.center(f"编号：{g.hosp['region'][0]}{g.year}{g.num(10**6, 10**7 - 1)}")
    d.para("根据《中华人民共和国建筑法》第八条规定，经审查，本建筑工程符合施工条件，准予施工。", indent=0)
    d.table(None, [["建设单位", g.hosp["name"]], ["工程名称", g.f.project()], ["建设地址", g.hosp["address"]],
                   ["建设规模", f"{g.num(800, 60000)}平方米"], ["合同价格", f"{g.num(80, 30000)}万元"],
                   ["设计单位", g.f.company("设计")], ["施工单位", g.f.company("建设")], ["监理单位", g.f.company("监理")],
                   ["合同工期", f"{g.num(90, 720)}天"]])
    d.left("注意事项：本证放置施工现场，作为准予施工的凭证。", scale=0.9)
    if g.level == "S1":   # the copy published on the authority's website
        d.left(g.pick(["本许可信息已在住房和城乡建设局门户网站公开。", "（网上公示件）", "施工许可信息公开，接受社会监督。"]), scale=0.9)
    else:                 # the hospital's filed copy
        d.left(g.pick(["（副本）建设单位存档，不对外提供。", "本复印件仅供基建档案存档使用。", "基建处存档。"]), scale=0.9)
    g.sign_date(d, "发证机关：" + g.city + "住房和城乡建设局", dept="")


@template("construction", "design_change", {"S2": 1})
def design_change(g, d):
    d.title("设计变更通知单", scale=1.5)
    d.kv([("工程名称", g.f.project()), ("变更编号", f"BG-{g.num(1, 80):03d}"), ("专业", g.pick(["建筑", "结构", "给排水", "电气", "暖通"])),
          ("图号", f"{g.pick(['建施', '结施', '水施', '电施'])}-{g.num(1, 60):02d}")], cols=2)
    d.heading("变更原因：")
    d.para(g.pick(["根据医院使用科室提出的功能调整需求。", "现场实际情况与原设计不符。", "为满足消防验收要求。", "原设计材料停产，需替换。"]))
    d.heading("变更内容：")
    for k in range(g.num(2, 4)):
        d.para(f"{k + 1}. " + g.pick(["将三层手术室净化等级由百级调整为千级；", "取消②~③轴间隔墙，改为轻钢龙骨石膏板隔墙；",
                                       "给水主管管径由DN100改为DN150；", "增设配电箱一台，型号详见附图；",
                                       "走廊吊顶标高由2.8m调整为2.6m；", "屋面防水层改为两道SBS改性沥青防水卷材；"]), indent=0)
    d.kv([("设计单位", g.f.company("设计")), ("日期", g.d(g.day()))], cols=2)


@template("construction", "site_log", {"S2": 1})
def site_log(g, d):
    d.title("施工日志", scale=1.6)
    d.kv([("工程名称", g.f.project())], cols=1)
    day = g.day()
    for _ in range(g.num(2, 5)):
        day = g.f.later(day, 1, 2)
        d.left(f"{g.d(day)}  天气：{g.pick(['晴', '多云', '阴', '小雨'])}  气温：{g.num(-5, 36)}℃", bold=True)
        d.para(f"施工部位：{g.pick(['三层', '五层', '地下一层', '屋面', '外立面'])}{g.pick(['梁板钢筋绑扎', '砌体施工', '管线预埋', '抹灰', '吊顶龙骨安装'])}。"
               f"出勤人数{g.num(10, 120)}人，{g.pick(['塔吊', '施工电梯', '混凝土泵车'])}运行正常。"
               f"质量安全：{g.pick(['班前安全交底已完成', '监理巡视未发现问题', '发现脚手架连墙件缺失一处，已整改'])}。")
    d.right("记录人：（签字）")


@template("construction", "worker_roster", {"S3": 1})
def worker_roster(g, d):
    d.title("施工现场作业人员实名制登记表", scale=1.3)
    d.kv([("工程名称", g.f.project()), ("施工单位", g.f.company("建设"))], cols=1)
    rows = []
    for k in range(1, g.num(8, 40) + 1):
        sex = "男" if g.chance(0.9) else "女"
        rows.append([str(k), g.pn(), sex, g.pid(sex=sex), g.pick(["木工", "钢筋工", "电工", "焊工", "架子工", "普工", "油漆工"]),
                     g.pphone(True)])
    d.table(["序号", "姓名", "性别", "身份证号", "工种", "联系电话"], rows, size=0.85)
    d.left("特种作业人员须持证上岗，证件复印件附后。", scale=0.9)


@template("construction", "supervision_minutes", {"S2": 1}, en=True)
def supervision_minutes(g, d):
    if g.en:
        d.title("DESIGN REVIEW MEMO", scale=1.4)
        d.kv([("Project", g.pick(["Outpatient Building Extension", "Cleanroom Upgrade, Operating Suite", "Central Oxygen Pipeline Renewal"])),
              ("Meeting date", g.d(g.day())), ("Participants", "Owner, designer, contractor, supervising engineer")], cols=1)
        for k, t in enumerate(["Clearance above the corridor ceiling is insufficient for the HVAC ducts; the designer will revise section B-B.",
                               "Fire compartment boundaries on level 3 must be confirmed before partition works start.",
                               "The contractor shall submit a revised schedule within one week."], 1):
            d.para(f"{k}. {t}", indent=0)
        return
    d.title(f"第{g.num(1, 60)}次监理例会会议纪要", scale=1.35)
    d.kv([("工程名称", g.f.project()), ("会议时间", g.d(g.day())), ("会议地点", "项目部会议室"),
          ("参会单位", "建设单位基建处、监理单位、施工单位、设计单位代表")], cols=1)
    d.heading("一、上周工作完成情况")
    d.para(f"完成{g.pick(PARTS)}约{g.num(20, 95)}%，累计完成产值{g.num(100, 9000)}万元，进度{g.pick(['滞后', '基本符合', '超前'])}计划。")
    d.heading("二、存在问题")
    d.para(g.pick(["部分材料进场报验不及时；", "安全文明施工需加强，现场堆放杂乱；", "雨季施工措施不到位；"]) +
           g.pick(["与医院运营区域隔离不严密，影响患者通行。", "夜间施工噪声影响病房休息。"]))
    d.heading("三、下周工作安排")
    d.para("施工单位加大劳动力投入，确保节点工期；监理单位加强旁站监督；建设单位协调医院相关科室配合。")
    d.right("监理单位项目部  整理")


@template("construction", "hidden_works", {"S2": 1})
def hidden_works(g, d):
    d.title("隐蔽工程验收记录", scale=1.5)
    d.kv([("工程名称", g.f.project()), ("隐蔽部位", g.pick(["三层吊顶内", "地下室底板", "卫生间墙地面", "手术室墙体"])),
          ("隐蔽项目", g.pick(["给排水管道", "电气配管", "防水层", "钢筋", "医用气体管道"])),
          ("图号", f"{g.pick(['水施', '电施', '结施'])}-{g.num(1, 40):02d}"), ("验收日期", g.d(g.day()))], cols=2)
    d.heading("隐蔽内容：")
    d.para(g.pick(["管道材质、规格符合设计要求，支吊架间距符合规范，试压合格，压力试验记录附后。",
                   "防水层厚度均匀，阴阳角处加强层设置到位，闭水试验24小时无渗漏。",
                   "钢筋规格、数量、间距及锚固长度符合设计和规范要求，保护层垫块设置到位。"]))
    d.table(["施工单位自检意见", "监理单位验收意见"], [["符合要求，申请验收", "同意隐蔽"]])


@template("construction", "secure_room_project", {"S5": 2, "S2": 1})
def secure_room_project(g, d):
    marked = g.mark_if_restricted(d)
    d.title(g.pick(["涉密档案库房改造工程设计说明", "保密室及机要室改造工程技术要求", "信息中心核心机房改造工程方案"]), scale=1.3)
    d.heading("一、工程概况")
    d.para(f"本工程位于{g.pick(['行政楼', '综合楼', '科教楼'])}{g.pick(['地下一层', '三层', '五层'])}，改造面积约{g.num(60, 900)}平方米，"
           "主要内容包括墙体加固、防火门窗、门禁及视频监控、温湿度控制和气体灭火系统。")
    d.heading("二、安全防护要求")
    d.para("库房墙体采用钢筋混凝土结构，门采用甲级防火防盗门；门禁系统采用双人双锁管理；监控录像保存不少于90天。")
    if marked:
        d.para(f"三、平面布局：机要档案柜布置于{g.pick(['东侧', '北侧'])}内间，监控点位{g.num(4, 16)}处，"
               "报警系统与保卫处值班室联动。本图纸及说明含安全防范布点信息，按秘密级管理，施工单位须签订保密协议，图纸编号登记、用后收回。")
    else:
        d.para("三、施工要求：施工期间档案已全部转移至临时库房，施工人员凭证出入。")
    d.right(g.d(g.day()))


ESTIMATE_ITEMS = [("土建工程", 0.38), ("装饰装修工程", 0.12), ("给排水工程", 0.04), ("电气工程", 0.07), ("暖通空调工程", 0.08),
                  ("医用气体工程", 0.02), ("智能化工程", 0.04), ("电梯工程", 0.03), ("洁净工程", 0.05), ("室外配套工程", 0.03)]
OTHER_COSTS = ["建设单位管理费", "勘察设计费", "工程监理费", "招标代理费", "造价咨询费", "环境影响评价费", "施工图审查费"]


@template("construction", "budget_estimate", {"S1": 1, "S2": 2})
def budget_estimate(g, d):
    """工程投资概算表: cost lines by trade, other costs, contingency. S1: the published approval notice."""
    prj = g.f.project()
    total = g.num(800, 60000)
    area = g.num(800, 60000)
    if g.level == "S1":
        d.title(f"关于{g.hosp['name']}{prj}初步设计概算批复的公示", scale=1.2)
        d.para(f"经{g.city}发展和改革委员会审核，{prj}初步设计概算已获批复，现将主要内容公示如下：", indent=2)
        d.table(None, [["项目名称", prj], ["建设单位", g.hosp["name"]], ["建设地点", g.hosp["address"]],
                       ["建设规模", f"总建筑面积{area}平方米"], ["概算总投资", f"{total}万元"],
                       ["资金来源", g.pick(["财政资金", "自筹资金", "财政资金与自筹资金"])],
                       ["建设工期", f"{g.num(12, 36)}个月"]])
        d.para("公示期为5个工作日。如有意见，请在公示期内以书面形式向建设单位基建处反映。")
        g.sign_date(d, g.hosp["name"], stamp=g.chance(0.5))
        return
    d.title(g.pick(["工程概算汇总表", "建设项目总概算表", "工程投资估算明细表"]), scale=1.4)
    d.kv([("项目名称", prj), ("建筑面积", f"{area}㎡"), ("编制单位", g.f.company("工程")), ("编制日期", g.d(g.day()))], cols=2)
    build = total * 0.82
    rows, k, s1 = [], 1, 0.0
    for name, share in g.f.sample(ESTIMATE_ITEMS, g.num(6, 10)):
        v = build * share * g.rng.uniform(0.8, 1.2)
        s1 += v
        rows.append([str(k), name, f"{v * 0.7:.2f}", f"{v * 0.3:.2f}", f"{v:.2f}"])
        k += 1
    rows.append(["", "一、工程费用小计", "", "", f"{s1:.2f}"])
    s2 = 0.0
    for name in g.f.sample(OTHER_COSTS, g.num(3, 6)):
        v = total * g.rng.uniform(0.005, 0.03)
        s2 += v
        rows.append([str(k), name, "", "", f"{v:.2f}"])
        k += 1
    rows.append(["", "二、工程建设其他费用小计", "", "", f"{s2:.2f}"])
    res = (s1 + s2) * g.pick([0.03, 0.05, 0.08])
    rows.append(["", "三、预备费", "", "", f"{res:.2f}"])
    rows.append(["", "总概算", "", "", f"{s1 + s2 + res:.2f}"])
    d.table(["序号", "工程或费用名称", "建筑工程费", "安装工程费", "合计（万元）"], rows, size=0.86)
    d.heading("编制说明：")
    d.para(f"本概算依据初步设计图纸、{g.hosp['region'][1]}建设工程计价依据及{g.year}年第{g.num(1, 4)}季度材料信息价编制，"
           f"单方造价约{(s1 + s2 + res) * 10000 / area:,.0f}元/㎡。医疗专项设备另行列项，不含在本概算内。")
    d.kv([("编制", "（签章）"), ("审核", "（签章）"), ("审定", "（签章）")], cols=3)


SAFETY_ITEMS = [("安全管理", 10), ("文明施工", 15), ("脚手架", 10), ("基坑工程", 10), ("模板支架", 10), ("高处作业", 10),
                ("施工用电", 10), ("施工升降机", 10), ("塔式起重机", 10), ("施工机具", 5), ("院感防控隔离", 10)]
SAFETY_ISSUES = ["部分作业人员未系安全带", "临边防护栏杆缺失", "配电箱未上锁，接地不规范", "材料堆放超高", "现场消防器材不足",
                 "施工区与病区隔离围挡破损", "扬尘控制措施不到位", "特种作业人员证件未随身携带", "无", "无", "无"]


@template("construction", "site_safety_check", {"S2": 1})
def site_safety_check(g, d):
    """施工现场安全检查评分表: items with full marks, deductions and findings; rating and measures."""
    prj = g.f.project()
    d.title(g.pick(["建筑施工安全检查评分汇总表", "施工现场安全文明施工检查表", "在建工程安全生产检查记录"]), scale=1.35)
    d.kv([("工程名称", prj), ("施工单位", g.f.company("建设")), ("检查日期", g.d(g.day())),
          ("检查类型", g.pick(["月度检查", "节前检查", "专项检查", "季度综合检查"]))], cols=2)
    rows, full, got = [], 0, 0
    for k, (item, pts) in enumerate(g.f.sample(SAFETY_ITEMS, g.num(6, 10)), 1):
        ded = g.pick([0, 0, 0, 1, 2, 3])
        issue = g.pick(SAFETY_ISSUES) if ded else "无"
        full += pts
        got += pts - ded
        rows.append([str(k), item, str(pts), str(ded), str(pts - ded), issue])
    rows.append(["", "合计", str(full), str(full - got), str(got), ""])
    d.table(["序号", "检查项目", "应得分", "扣减分", "实得分", "存在问题"], rows, size=0.86)
    score = 100 * got / full
    d.para(f"评分折算：{score:.1f}分，评定等级：" + ("优良" if score >= 90 else "合格" if score >= 80 else "不合格") + "。", indent=0)
    d.heading("整改要求：")
    d.para("施工单位对检查发现的问题于3日内整改完毕，整改结果经监理单位复查后报基建处备案。"
           "施工区域毗邻病区，须保持隔离围挡完整，控制噪声和扬尘，夜间不得进行高噪声作业。")
    d.kv([("检查组", "基建处、保卫处、监理单位"), ("受检单位", "项目部")], cols=2)


@template("construction", "renovation_application", {"S2": 2, "S3": 1})
def renovation_application(g, d):
    """科室用房改造申请审批表: room, area, works, reviews by infection control, fire and construction.
    S3 when the department's contact person and mobile are given."""
    dept = g.pick([g.f.dept(), g.f.admin_dept()])
    d.title(g.pick(["科室用房维修改造申请表", "房屋装修改造审批表", "业务用房调整改造申请单"]), scale=1.4)
    rows = [["申请科室", dept, "申请日期", g.d(g.day())],
            ["改造地点", f"{g.pick(['门诊楼', '住院部', '医技楼', '综合楼', '行政楼'])}{g.num(1, 22)}楼{g.pick(['东区', '西区', '南侧', '北侧'])}",
             "改造面积", f"{g.num(20, 1500)}㎡"]]
    if g.level == "S3":
        rows.append(["联系人", g.pn(), "联系电话", g.pphone(True)])
    d.table(None, rows)
    d.heading("改造内容及理由：")
    d.para(g.pick([f"因开展{g.pick(['日间手术', '内镜诊疗', '血液净化', '康复治疗'])}业务，现有用房布局不符合流程要求，拟重新分隔并增设",
                   "原病房墙面脱落、地面起鼓，卫生间渗漏严重，拟进行翻新并改造",
                   "为满足等级医院评审对诊室一人一诊的要求，拟调整诊室布局并增设"])
           + g.pick(["洗手池及感应龙头。", "医用气体终端及呼叫系统。", "独立排风及空气消毒设施。", "无障碍设施。"]))
    d.table(["审核部门", "审核意见"],
            [["医院感染管理科", g.pick(["符合三区两通道要求，同意", "需增设缓冲间，修改后同意"])],
             ["保卫处（消防）", g.pick(["不得占用疏散通道，装修材料须达到B1级以上", "同意"])],
             ["基建处", g.pick(["已现场勘查，预计费用" + str(g.num(2, 300)) + "万元", "同意纳入年度维修计划"])],
             ["分管院领导", g.pick(["同意", "同意，按程序实施"])]], size=0.9)


# -- 农民工工资发放表 -----------------------------------------------------------------------------
TRADES = [("钢筋工", 280, 420), ("木工", 300, 450), ("混凝土工", 260, 380), ("架子工", 300, 430), ("瓦工", 280, 400),
          ("水电安装工", 300, 450), ("电焊工", 320, 480), ("油漆工", 260, 380), ("普工", 200, 300), ("防水工", 260, 380)]


def _contractor(g, kind):
    return g.city.replace("市", "") + g.pick(COMPANY_WORDS) + kind


@template("construction", "migrant_wage_payroll", {"S3": 1})
def migrant_wage_payroll(g, d):
    """农民工工资发放表 of a hospital building project: the subcontractor's crew paid through the
    project's special wage account — names, ID numbers, trades, days, bank cards."""
    prj = g.f.project()
    month = g.num(1, 12)
    d.title(g.pick(["农民工工资发放表", f"{prj}建筑工人工资支付表", "农民工工资专用账户代发明细表"]), scale=1.3)
    bank = g.pick(BANK_BINS)[0]
    d.kv([("工程名称", prj), ("建设单位", g.hosp["name"]), ("施工总承包单位", g.f.company("建设")),
          ("劳务分包单位", _contractor(g, g.pick(["劳务有限公司", "建筑劳务分包有限公司"]))),
          ("班组", g.pick(["钢筋班组", "木工班组", "水电班组", "装饰班组", "综合班组"])), ("工资所属期", f"{g.year}年{month}月"),
          ("工资专用账户开户行", f"{bank}{g.city}{g.pick(['分行营业部', '支行'])}")], cols=2)
    cards = g.chance(0.7)
    head = ["序号", "姓名", "身份证号", "工种", "出勤（天）", "日工资（元）", "应发（元）", "借支（元）", "实发（元）",
            "银行卡号" if cards else "联系电话"]
    rows, total = [], 0
    for k in range(1, g.num(6, 30) + 1):
        sex = "男" if g.chance(0.88) else "女"
        trade, lo, hi = g.pick(TRADES)
        days = g.num(8, 31)
        rate = g.num(lo // 10, hi // 10) * 10
        gross = days * rate
        adv = g.pick([0, 0, 0, 500, 1000, 2000])
        net = gross - adv
        total += net
        rows.append([str(k), g.pn(), g.pid(g.f.birth(19, 62, g.year), sex), trade, str(days), str(rate), f"{gross:.2f}",
                     f"{adv:.2f}" if adv else "", f"{net:.2f}", g.pcard()[1] if cards else g.pphone(True)])
    rows.append(["合计", "", "", "", "", "", "", "", f"{total:.2f}", ""])
    d.table(head, rows, size=0.76)
    d.left(f"本期实发合计（大写）：{amount_upper(total)}")
    d.para(g.pick([
        "本表工资由施工总承包单位通过农民工工资专用账户直接代发至工人本人银行卡，不得以现金发放或由班组长代领。",
        "工人出勤天数依据施工现场实名制考勤记录核定，班组长、劳务员、项目负责人逐级核对签字。",
        "按照《保障农民工工资支付条例》规定，工资按月足额支付；本表连同银行代发回单报建设单位基建处备查。"]), indent=0)
    if g.chance(0.5):
        d.para(f"人工费拨付：建设单位已按合同约定将{g.year}年{month}月工程进度款中的人工费用{g.num(20, 300)}万元拨付至工资专用账户。",
               indent=0)
    d.kv([("劳务员", g.pn()), ("班组长", g.pn()), ("项目负责人", g.pn()), ("监理单位核查", "（签章）"),
          ("制表日期", g.d(dt.date(g.year + month // 12, month % 12 + 1, g.num(3, 15))))], cols=3)


# -- 现场签证单 ---------------------------------------------------------------------------------
VISA_REASONS = [
    ("地下室开挖时发现原有废弃化粪池及混凝土基础，需破除外运", [("破除混凝土基础", "m³", 280, 520), ("废渣外运（运距15km）", "m³", 45, 90),
                                                    ("回填级配砂石", "m³", 160, 260)]),
    ("因医院门诊运营需要，施工单位配合夜间停水停电切改管线", [("夜间施工增加费", "工日", 180, 320), ("临时供水管道敷设", "m", 60, 140),
                                                 ("临时发电机台班", "台班", 900, 1600)]),
    ("原有医用氧气管道与新建管沟位置冲突，需迁改", [("拆除原氧气管道", "m", 35, 80), ("敷设紫铜管DN25", "m", 120, 260),
                                         ("管道脱脂及吹扫", "m", 15, 30), ("压力试验", "次", 800, 1800)]),
    ("建设单位要求在病房走廊增设扶手及防撞带", [("不锈钢扶手安装", "m", 220, 380), ("PVC防撞带安装", "m", 90, 160)]),
    ("雨季基坑积水，需增加抽排水措施", [("潜水泵台班", "台班", 120, 260), ("排水沟开挖", "m", 40, 90), ("人工清淤", "工日", 180, 300)]),
    ("使用科室提出调整诊室隔墙位置", [("拆除已完成轻钢龙骨隔墙", "m²", 30, 60), ("新建轻钢龙骨石膏板隔墙", "m²", 120, 210),
                              ("墙面乳胶漆", "m²", 25, 45)]),
]


@template("construction", "site_visa", {"S2": 1})
def site_visa(g, d):
    """工程现场签证单: cause, quantities and prices, opinions of contractor, supervisor, cost auditor and owner."""
    prj = g.f.project()
    reason, items = g.pick(VISA_REASONS)
    d.title(g.pick(["工程现场签证单", "工程签证审批单", "现场经济签证确认单"]), scale=1.45)
    d.kv([("工程名称", prj), ("签证编号", f"QZ-{g.num(1, 120):03d}"), ("施工单位", g.f.company("建设")),
          ("发生日期", g.d(g.day())), ("签证部位", g.pick(["地下一层", "一层门诊大厅", "三层病区", "室外管网", "屋面", "二层手术部"]))], cols=2)
    numbered = g.chance(0.5)
    d.heading("一、签证原因及内容" if numbered else "签证事由：")
    d.para(reason + g.pick(["，该部分内容不在原施工图及工程量清单范围内。", "，经建设、监理、施工三方现场共同确认。",
                            "，属合同约定以外的新增工作内容。"]))
    rows, total = [], 0.0
    for k, (it, unit, lo, hi) in enumerate(g.f.sample(items, g.num(max(1, len(items) - 1), len(items))), 1):
        q = g.num(1, 4) if unit == "次" else g.num(2, 60) if unit in ("工日", "台班") else round(g.rng.uniform(2, 300), 2)
        price = round(g.rng.uniform(lo, hi), 2)
        amt = round(q * price, 2)
        total += amt
        rows.append([str(k), it, unit, f"{q}", f"{price:.2f}", f"{amt:.2f}"])
    rows.append(["", "合计", "", "", "", f"{total:.2f}"])
    d.heading("二、工程量计算" if numbered else g.pick(["工程量及费用：", "工程量计算："]))
    d.table(["序号", "项目名称", "单位", "数量", "综合单价（元）", "合价（元）"], rows, size=0.88)
    d.left(f"签证金额（大写）：{amount_upper(total)}")
    if g.chance(0.6):
        d.left(f"附件：现场照片{g.num(2, 8)}张、{g.pick(['计算底稿', '示意图', '工程量计算书'])}{g.num(1, 3)}份", scale=0.9)
    d.table(["单位", "意见"], [
        ["施工单位", "情况属实，请予确认。"],
        ["监理单位", g.pick(["情况属实，工程量已现场核实。", "经复核，工程量按实际发生计取。"])],
        ["跟踪审计单位", g.pick(["单价参照合同同类项目确定，最终以结算审核为准。", "同意，按合同约定计价。"])],
        ["建设单位基建处", g.pick(["同意。", "同意，列入结算。", "同意，费用从预备费中列支。"])]], size=0.9)
    d.left(g.pick(["注：本签证仅作为工程结算依据，不作为工期顺延依据。", "注：签证须在事项发生后7日内办理，逾期不予受理。",
                   "注：本单一式四份，建设、监理、施工、审计单位各执一份。"]), scale=0.85)


# -- 工程结算审核 -------------------------------------------------------------------------------
CUT_REASONS = ["部分工程量计算重复，按竣工图重新计算后核减", "主要材料单价高于同期信息价，按合同约定调整",
               "签证手续不全的零星工程不予计取", "措施费计取基数有误，已予以纠正", "未施工的暂列金额项目予以扣除",
               "设计变更中取消的项目未从送审价中扣减", "甲供材料未按规定扣回", "安全文明施工费按实际评价等级调整"]


@template("construction", "settlement_audit", {"S2": 1})
def settlement_audit(g, d):
    """工程结算审核定案表 / 审核报告: submitted vs audited amounts per unit work, reasons for cuts."""
    prj = g.f.project()
    contract = g.num(100, 20000) * 10000.0
    d.title(g.pick(["工程结算审核定案表", "建设工程竣工结算审核报告", "工程结算审核汇总表"]), scale=1.35)
    if g.chance(0.5):
        d.right(f"{g.pick(['审字', '结审'])}〔{g.year}〕第{g.num(1, 160)}号")
    auditor = _contractor(g, "工程造价咨询有限公司")
    info = [("项目名称", prj), ("建设单位", g.hosp["name"]), ("施工单位", g.f.company("建设")), ("审核单位", auditor),
            ("合同价", f"{contract:,.2f}元"), ("计价方式", g.pick(["工程量清单计价（固定综合单价）", "工程量清单计价", "定额计价"]))]
    if g.chance(0.5):
        d.kv(info, cols=2)
    else:
        d.table(None, [[a, b, c, e] for (a, b), (c, e) in zip(info[0::2], info[1::2])], size=0.88)
    rows, sub, aud = [], 0.0, 0.0
    for k, part in enumerate(g.f.sample(PARTS, g.num(4, 8)), 1):
        s = contract * g.rng.uniform(0.05, 0.3)
        a = s * g.rng.uniform(0.88, 1.01)
        sub, aud = sub + s, aud + a
        rows.append([str(k), part, f"{s:,.2f}", f"{a:,.2f}", f"{a - s:,.2f}", g.pick(["", "", "含签证", "含变更", "按实调整"])])
    rows.append(["", "合计", f"{sub:,.2f}", f"{aud:,.2f}", f"{aud - sub:,.2f}", ""])
    d.table(["序号", "单位工程/专业", "送审金额（元）", "审定金额（元）", "增减额（元）", "备注"], rows, size=0.84)
    d.para(f"送审金额{sub:,.2f}元，审定金额{aud:,.2f}元，核减{sub - aud:,.2f}元，核减率{100 * (sub - aud) / sub:.2f}%。"
           f"审定金额（大写）：{amount_upper(round(aud, 2))}。", indent=0)
    numbered = g.chance(0.5)
    has_basis = g.chance(0.7)
    if has_basis:
        d.heading("一、审核依据" if numbered else "审核依据：")
        d.para(f"施工合同及补充协议、招标文件及投标报价、竣工图、设计变更单和现场签证单、{g.hosp['region'][1]}建设工程计价定额"
               f"及{g.year}年各期材料信息价。")
    d.heading(("二、审核说明" if has_basis else "一、审核说明") if numbered else "主要核减原因：")
    for k, r in enumerate(g.f.sample(CUT_REASONS, g.num(2, 4)), 1):
        d.para(f"{k}. {r}。", indent=0)
    if g.chance(0.5):
        d.para("本审定结果已与施工单位核对确认，可作为工程价款最终结算依据；工程质量保修金按审定金额的"
               f"{g.pick(['3', '3', '5'])}%预留，保修期满后无息退还。")
    d.table(["建设单位意见", "施工单位意见", "审核单位意见"],
            [[g.pick(["同意审定结果", "同意"]), g.pick(["同意审定金额", "无异议"]), "审定无误"]], size=0.88)
    d.kv([("建设单位（盖章）", ""), ("施工单位（盖章）", ""), ("审核单位（盖章）", ""), ("日期", g.d(g.day()))], cols=2)


# -- 竣工验收备案 -------------------------------------------------------------------------------
FILING_DOCS = ["工程竣工验收报告", "施工单位工程竣工报告", "监理单位工程质量评估报告", "勘察、设计单位质量检查报告",
               "规划条件核实意见", "消防验收意见书（或备案凭证）", "建设项目环境保护验收文件", "工程质量保修书",
               "城建档案预验收意见", "电梯、锅炉等特种设备使用登记证", "建筑节能专项验收记录", "工程款支付证明"]


@template("construction", "completion_filing", {"S2": 2, "S1": 1})
def completion_filing(g, d):
    """竣工验收备案: S2 the filed 备案表 with its document checklist; S1 the published 竣工验收公示."""
    prj = g.f.project()
    area = g.num(800, 60000)
    parties = [("建设单位", g.hosp["name"]), ("勘察单位", g.f.company("设计")), ("设计单位", g.f.company("设计")),
               ("施工单位", g.f.company("建设")), ("监理单位", g.f.company("监理"))]
    acc = g.day()
    if g.level == "S1":
        d.title(g.pick([f"关于{prj}竣工验收情况的公示", "建设工程竣工验收备案信息公示", f"{g.hosp['name']}{prj}竣工公告"]), scale=1.25)
        d.para(f"{g.hosp['name']}{prj}已于{g.d(acc)}组织竣工验收。根据建设工程质量管理有关规定，现将工程竣工验收情况向社会公示，"
               "接受公众监督：")
        pub = [("工程名称", prj), ("建设地点", g.hosp["address"]), ("建设规模", f"总建筑面积{area}平方米")] + parties + \
              [("竣工验收日期", g.d(acc)), ("验收结论", g.pick(["合格", "工程质量合格，同意交付使用"]))]
        if g.chance(0.5):
            d.table(None, [list(x) for x in pub], size=0.92)
        else:
            d.kv(pub, cols=1)
        d.para(g.pick([f"公示期为{g.d(g.f.later(acc, 3, 10))}起5个工作日。", "公示期为7日。"]) +
               g.pick(["对公示内容有异议的，请以书面形式向建设单位或当地建设工程质量监督机构反映。",
                       "欢迎社会各界监督，如有意见请实名书面反映。"]))
        if g.chance(0.6):
            d.para(g.pick(["新楼启用后将有效改善群众就医环境，启用时间另行通知，敬请关注医院官网和微信公众号发布的信息。",
                           "本公示同时在医院官方网站和院区公示栏发布。"]))
        g.sign_date(d, g.hosp["name"], date=g.f.later(acc, 2, 8), stamp=g.chance(0.5))
        return
    d.title(g.pick(["房屋建筑工程竣工验收备案表", "建设工程竣工验收备案表", "工程竣工验收备案登记表"]), scale=1.35)
    d.right(f"备案编号：{g.hosp['region'][0]}JB{g.year}{g.num(100, 999)}")
    d.table(None, [["工程名称", prj, "工程地点", g.hosp["address"]],
                   ["建筑面积", f"{area}㎡", "结构类型", g.pick(["框架结构", "框架剪力墙结构", "钢结构", "砖混结构"])],
                   ["施工许可证号", f"{g.hosp['region'][0]}{g.year - 1}{g.num(10**6, 10**7 - 1)}", "竣工验收日期", g.d(acc)]]
            + [[a, b, "", ""] for a, b in parties], size=0.86)
    d.heading(g.pick(["备案文件目录：", "报送备案的文件："]))
    docs = g.f.sample(FILING_DOCS, g.num(6, len(FILING_DOCS)))
    d.table(["序号", "文件名称", "份数", "审查情况"],
            [[str(k), x, str(g.num(1, 3)), g.pick(["齐全", "齐全", "符合要求", "已补正"])] for k, x in enumerate(docs, 1)], size=0.88)
    d.heading("备案意见：")
    d.para(g.pick(["该工程竣工验收备案文件齐全，已于本日收讫，准予备案。",
                   "经审查，竣工验收程序符合规定，备案文件齐全有效，同意备案。"]) +
           g.pick(["备案后工程方可投入使用。", "", "建设单位应将备案表及相关文件归入工程档案。"]))
    d.kv([("备案机关", f"{g.city}住房和城乡建设局"), ("经办", "（签章）"), ("备案日期", g.d(g.f.later(acc, 5, 20)))], cols=2)
    d.left(g.pick(["本表一式三份，备案机关、建设单位、城建档案馆各存一份。", "建设单位基建处存档。",
                   "注：备案表原件归入基建工程竣工档案，不对外提供。"]), scale=0.85)
