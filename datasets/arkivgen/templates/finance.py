"""经济活动类（会计档案）: vouchers, invoices, budgets, audits, procurement contracts."""

from ..fields import CLINICAL_DEPTS, DRUGS, EQUIPMENT, amount_upper
from . import template

ACCOUNTS = [("1001", "库存现金"), ("1002", "银行存款"), ("1215", "应收医疗款"), ("1302", "库存物品"), ("1601", "固定资产"),
            ("2301", "应付账款"), ("2201", "应付职工薪酬"), ("4001", "财政拨款收入"), ("4101", "事业收入"),
            ("5001", "业务活动费用"), ("5101", "单位管理费用"), ("2501", "长期借款")]


@template("finance", "accounting_voucher", {"S2": 1})
def accounting_voucher(g, d):
    d.title("记 账 凭 证", scale=1.6)
    day = g.day()
    d.kv([("日期", g.d(day)), ("凭证号", f"记字第{g.num(1, 2999):04d}号"), ("附单据", f"{g.num(1, 12)}张")], cols=3)
    summary = g.pick(["支付" + g.pick([e[0] for e in EQUIPMENT]) + "维保费", "购入医用耗材", "收到财政拨款",
                      "计提本月固定资产折旧", "支付水电费", "结转医保结算款", "报销会议费"])
    rows, total = [], 0.0
    for k in range(g.num(2, 5)):
        code, name = g.pick(ACCOUNTS)
        v = g.f.money(300, 380000)
        total += v
        rows.append([summary if k == 0 else "", f"{code} {name}", f"{v:,.2f}" if k % 2 == 0 else "", "" if k % 2 == 0 else f"{v:,.2f}"])
    rows.append(["合计", amount_upper(total), "", ""])
    d.table(["摘要", "会计科目", "借方金额", "贷方金额"], rows)
    d.kv([("会计主管", "（签章）"), ("记账", "（签章）"), ("审核", "（签章）"), ("制单", "（签章）")], cols=4)


@template("finance", "vat_invoice", {"S2": 1}, en=True)
def vat_invoice(g, d):
    items = g.f.sample(EQUIPMENT, g.num(1, 4)) if g.chance(0.6) else [(x[0], x[1], 0.05) for x in g.f.sample(DRUGS, g.num(2, 6))]
    if g.en:
        d.title("COMMERCIAL INVOICE", scale=1.5)
        d.kv([("Invoice No.", f"INV-{g.year}-{g.num(1000, 9999)}"), ("Date", g.d(g.day())),
              ("Seller", g.pick(["MedTech GmbH", "Northern Imaging Ltd.", "Pacific Surgical Pte. Ltd."])),
              ("Buyer", "Procurement Center, " + g.pick(["People's Hospital", "Central Hospital"]))], cols=2)
        rows = [[g.pick(["CT detector module", "Ultrasound probe", "Ventilator service kit", "Endoscope light source"]),
                 str(g.num(1, 5)), f"{g.f.money(800, 90000):,.2f}"] for _ in range(g.num(1, 4))]
        d.table(["Description", "Qty", "Amount (USD)"], rows)
        d.left("Terms: CIF Shanghai. Payment by T/T within 30 days.")
        return
    d.title(g.pick(["电子发票（增值税专用发票）", "增值税普通发票", "电子发票（普通发票）"]), scale=1.4)
    d.kv([("发票号码", f"{g.num(10**19, 10**20 - 1)}"), ("开票日期", g.d(g.day()))], cols=2)
    d.table(None, [["购买方", g.hosp["name"], "统一社会信用代码", f"12{g.num(10**15, 10**16 - 1)}X"],
                   ["销售方", g.f.company("医疗"), "统一社会信用代码", f"91{g.num(10**15, 10**16 - 1)}M"]])
    rows, total = [], 0.0
    for it in items:
        qty = g.num(1, 50) if it[2] < 1 else g.num(1, 2)
        price = it[2] * 10000 if it[2] >= 1 else g.f.money(5, 300)
        amt = qty * price
        total += amt
        rows.append([f"*医疗器械*{it[0]}" if it[2] >= 1 else f"*药品*{it[0]}", g.f.model_no() if it[2] >= 1 else it[1],
                     g.pick(["台", "套"]) if it[2] >= 1 else "盒", str(qty), f"{price:,.2f}", f"{amt:,.2f}", "13%"])
    d.table(["项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率"], rows, size=0.82)
    d.kv([("价税合计（大写）", amount_upper(total * 1.13)), ("（小写）", f"¥{total * 1.13:,.2f}")], cols=2)
    d.left("开票人：（电子签章）", scale=0.9)


@template("finance", "annual_budget", {"S1": 1, "S2": 2})
def annual_budget(g, d):
    pub = g.level == "S1"
    d.title(f"{g.hosp['name']}{g.year}年{'部门预算公开说明' if pub else '收支预算表'}", scale=1.3)
    d.right("单位：万元")
    rows = []
    for k in ["财政拨款收入", "事业收入（医疗收入）", "科研教学收入", "其他收入", "人员经费支出", "药品及卫生材料支出",
              "公用经费支出", "基本建设支出", "设备购置支出"]:
        rows.append([k, f"{g.num(200, 90000):,}", f"{g.num(200, 90000):,}", f"{g.num(-15, 20)}%"])
    d.table(["项目", f"{g.year}年预算数", f"{g.year - 1}年执行数", "增减"], rows)
    if pub:
        d.para("根据预算公开有关规定，现将本单位部门预算予以公开。“三公”经费预算：因公出国（境）费0万元，"
               f"公务用车运行维护费{g.num(5, 60)}万元，公务接待费{g.num(1, 9)}万元。")
    else:
        d.para("编制说明：预算按照“以收定支、收支平衡”原则编制，重点保障临床业务、学科建设和基本建设项目资金需求。")
    d.sign(["财务处", g.d(g.day())])


@template("finance", "audit_report", {"S2": 3, "S5": 1})
def audit_report(g, d):
    marked = g.mark_if_restricted(d)
    subj = g.pick(["医疗设备采购专项审计报告", "基本建设项目竣工决算审计报告", "科研经费使用情况审计报告",
                   "经济责任审计报告", "药品耗材采购管理审计报告"])
    d.title(subj, scale=1.35)
    d.right(f"{g.hosp['short']}审〔{g.year}〕{g.num(1, 60)}号")
    d.para(f"根据年度审计工作计划，审计处于{g.d(g.day())}至{g.d(g.day())}对" +
           g.pick(["医学装备部", "基建处", "科研处", "药学部"]) + "相关业务进行了审计。现将审计情况报告如下：")
    d.heading("一、基本情况")
    d.para(f"审计期间共涉及合同{g.num(10, 300)}份，金额合计{g.num(300, 90000)}万元。")
    d.heading("二、审计发现的问题")
    for k, t in enumerate(g.f.sample(["部分合同签订滞后于实际执行时间", "个别项目验收资料不齐全", "供应商评价机制不健全",
                                      "部分耗材入库与出库数量不符", "变更签证审批手续不完整", "预算执行进度偏慢"], 3), 1):
        d.para(f"（{'一二三'[k - 1]}）{t}。")
    d.heading("三、审计建议")
    d.para("进一步完善内部控制制度，加强合同全过程管理，落实整改责任，整改结果于30日内报审计处。")
    if marked:
        d.para("本报告涉及尚在调查的问题线索，属工作秘密，仅报院党委。")
    g.sign_date(d, "审计处", dept="审计处")


@template("finance", "procurement_contract", {"S2": 1})
def procurement_contract(g, d):
    eq = g.f.equipment()
    d.title(g.pick(["医疗设备采购合同", "政府采购合同", "货物采购合同"]), scale=1.5)
    d.right(f"合同编号：CG-{g.year}-{g.num(1, 999):03d}")
    d.kv([("甲方（采购人）", g.hosp["name"]), ("乙方（供应商）", g.f.company("医疗"))], cols=1)
    d.para(f"根据《中华人民共和国民法典》及政府采购相关规定，经公开招标（项目编号：{g.city[:2]}CG{g.year}{g.num(100, 999)}），"
           "甲乙双方就下列货物采购事宜达成如下协议：")
    price = eq[2] * 10000 * g.rng.uniform(0.8, 1.1)
    d.table(["货物名称", "品牌型号", "数量", "合同金额（元）"], [[eq[0], g.f.brand() + " " + g.f.model_no(), "1", f"{price:,.2f}"]])
    d.para(f"合同总价：人民币{amount_upper(price)}（¥{price:,.2f}），含运输、安装、调试、培训及{g.num(1, 5)}年免费保修。")
    d.para(f"交货期：合同签订后{g.num(15, 90)}日内交付并完成安装调试。付款方式：验收合格后支付合同价款的{g.pick([90, 95, 100])}%，余款作为质保金。")
    d.para("违约责任：乙方逾期交货的，每日按合同总价的0.5‰支付违约金。争议解决：协商不成的，向甲方所在地人民法院提起诉讼。")
    d.kv([("甲方（盖章）", ""), ("乙方（盖章）", ""), ("法定代表人或委托代理人", "（签字）"), ("签订日期", g.d(g.day()))], cols=2)


@template("finance", "reimbursement", {"S3": 1})
def reimbursement(g, d):
    d.title(g.pick(["差旅费报销单", "费用报销单", "会议培训费报销审批单"]), scale=1.4)
    bank, card = g.pcard()
    day = g.day()
    d.kv([("报销人", g.pn()), ("部门", g.pick([g.f.dept(), g.f.admin_dept()])), ("报销日期", g.d(day))], cols=3)
    rows, total = [], 0.0
    for _ in range(g.num(2, 6)):
        v = g.f.money(20, 3000)
        total += v
        rows.append([g.d(g.f.later(day, -20, -1)), g.pick(["城际交通费", "住宿费", "会议注册费", "市内交通费", "伙食补助"]),
                     g.pick([g.city, "北京", "上海", "广州", "成都"]), f"{v:.2f}"])
    d.table(["日期", "费用项目", "地点", "金额（元）"], rows)
    d.kv([("合计金额（大写）", amount_upper(total)), ("小写", f"¥{total:,.2f}")], cols=2)
    d.kv([("收款银行", bank), ("银行卡号", card), ("联系电话", g.pphone(True))], cols=2)
    d.kv([("部门负责人", "同意"), ("财务审核", ""), ("分管领导", "")], cols=3)


@template("finance", "patient_bill", {"S4": 3, "S5": 1})
def patient_bill(g, d):
    p = g.patient(1, 90)
    dx = g.f.diagnosis(True if g.restricted else False)
    adm = g.day()
    d.title(g.hosp["name"] + g.pick(["住院费用清单", "住院患者费用明细", "医疗费用结算单"]), scale=1.25)
    d.kv([("姓名", g.pn(p["name"])), ("住院号", g.pmrn()), ("科室", dx[2]), ("入院日期", g.d(adm)),
          ("出院诊断", dx[0]), ("医保类型", g.pick(["城镇职工医保", "城乡居民医保", "自费"])),
          ("医保卡号", g.pins())], cols=2)
    rows, total = [], 0.0
    for dr in g.f.drugs(g.num(4, 10), dx[3], dx[2]):
        q = g.num(1, 20)
        pr = g.f.money(2, 400)
        total += q * pr
        rows.append([dr[0], dr[1], str(q), f"{pr:.2f}", f"{q * pr:.2f}", g.pick(["甲", "乙", "丙"])])
    for it in g.f.sample(["床位费", "护理费", "诊查费", "血常规", "CT检查", "静脉输液", "手术费", "麻醉费"], 3):
        v = g.f.money(20, 3000)
        total += v
        rows.append([it, "", "1", f"{v:.2f}", f"{v:.2f}", "甲"])
    d.table(["项目名称", "规格", "数量", "单价", "金额", "类别"], rows, size=0.85)
    d.kv([("费用合计", f"¥{total:,.2f}"), ("统筹支付", f"¥{total * 0.62:,.2f}"), ("个人自付", f"¥{total * 0.38:,.2f}")], cols=3)


@template("finance", "bank_reconciliation", {"S2": 1})
def bank_reconciliation(g, d):
    month = g.num(1, 12)
    d.title("银行存款余额调节表", scale=1.5)
    d.kv([("开户银行", g.pick(["中国工商银行", "中国建设银行", "中国农业银行"]) + g.city + "分行"),
          ("账号尾号", f"{g.num(1000, 9999)}"), ("截止日期", f"{g.year}年{month}月末")], cols=2)
    a, b = g.f.money(1e6, 9e7), g.f.money(1e6, 9e7)
    rows = [["银行对账单余额", f"{a:,.2f}", "单位账面余额", f"{b:,.2f}"],
            ["加：单位已收银行未收", f"{g.f.money(0, 5e5):,.2f}", "加：银行已收单位未收", f"{g.f.money(0, 5e5):,.2f}"],
            ["减：单位已付银行未付", f"{g.f.money(0, 5e5):,.2f}", "减：银行已付单位未付", f"{g.f.money(0, 5e4):,.2f}"],
            ["调节后余额", f"{a:,.2f}", "调节后余额", f"{a:,.2f}"]]
    d.table(["项目", "金额", "项目", "金额"], rows)
    d.kv([("编制", "出纳"), ("复核", "会计"), ("日期", g.d(g.day()))], cols=3)


@template("finance", "insurance_settlement", {"S4": 1})
def insurance_settlement(g, d):
    p = g.patient(18, 90)
    dx = g.f.diagnosis(False)
    d.title(g.pick(["医疗保障基金结算清单", "医保住院结算单"]), scale=1.35)
    d.table(None, [["姓名", g.pn(p["name"]), "性别", p["sex"], "年龄", str(p["age"])],
                   ["身份证号", g.pid(p["birth"], p["sex"]), "医保编号", g.pins(), "参保地", g.city],
                   ["主要诊断", dx[0], "疾病编码", dx[1], "DRG分组", f"{g.pick('ABEFGI')}{g.pick('RJKS')}{g.num(11, 39)}"]])
    tot = g.f.money(3000, 120000)
    d.table(["费用类别", "金额（元）"], [["医疗总费用", f"{tot:,.2f}"], ["基金支付", f"{tot * 0.65:,.2f}"],
                                         ["个人账户支付", f"{tot * 0.1:,.2f}"], ["个人现金支付", f"{tot * 0.25:,.2f}"]])
    d.right("结算日期：" + g.d(g.day()))


CASH_ITEMS = [("提取备用金", "in"), ("收到门诊零星现金收入", "in"), ("收回个人借款", "in"), ("收到废旧物资变卖款", "in"),
              ("支付快递邮寄费", "out"), ("支付办公用品零星采购款", "out"), ("支付会议茶歇费", "out"),
              ("支付车辆过路停车费", "out"), ("支付临时劳务费", "out"), ("现金解存银行", "out"), ("支付维修零配件款", "out")]


@template("finance", "cash_journal", {"S2": 1})
def cash_journal(g, d):
    """现金日记账: one month of cash entries with a running balance and month totals."""
    month = g.num(1, 12)
    d.title("现 金 日 记 账", scale=1.6)
    d.kv([("科目", "1001 库存现金"), ("年度", f"{g.year}年"), ("页次", f"第{g.num(1, 60)}页")], cols=3)
    bal = g.f.money(2000, 30000)
    rows = [[str(month), "1", "", "上月结转", "", "", f"{bal:,.2f}"]]
    din = dout = 0.0
    day = 1
    for _ in range(g.num(6, 18)):
        day = min(28, day + g.num(0, 3))
        text, kind = g.pick(CASH_ITEMS)
        v = g.f.money(20, 6000)
        if kind == "out" and v > bal:
            kind = "in"
        if kind == "in":
            bal += v
            din += v
        else:
            bal -= v
            dout += v
        rows.append([str(month), str(day), f"{g.pick(['收' if kind == 'in' else '付', '记'])}{g.num(1, 400):03d}", text,
                     f"{v:,.2f}" if kind == "in" else "", f"{v:,.2f}" if kind == "out" else "", f"{bal:,.2f}"])
    rows.append(["", "", "", "本月合计", f"{din:,.2f}", f"{dout:,.2f}", f"{bal:,.2f}"])
    d.table(["月", "日", "凭证号", "摘要", "借方", "贷方", "余额"], rows, size=0.84)
    d.para(f"月末库存现金实有数{bal:,.2f}元，与账面余额核对相符。" + g.pick(["现金限额执行情况良好。", "", "已按规定盘点。"]),
           indent=0)
    d.kv([("出纳", "（签章）"), ("会计", "（签章）"), ("盘点日期", g.d(g.day()))], cols=3)


FEE_ITEMS = [("110200001", "普通门诊诊查费", "次", 10, 30), ("110200002", "副主任医师门诊诊查费", "次", 20, 40),
             ("120100001", "床位费（三人间）", "日", 30, 60), ("120400001", "肌肉注射", "次", 3, 6),
             ("120400006", "静脉输液", "组", 8, 15), ("210300001", "X线计算机体层（CT）平扫", "部位", 120, 260),
             ("210100001", "磁共振平扫", "部位", 350, 600), ("220100001", "彩色多普勒超声常规检查", "部位", 80, 160),
             ("250101001", "血常规", "次", 15, 25), ("250301001", "肝功能", "项", 5, 12),
             ("311201001", "一般专项护理", "日", 10, 20), ("331003002", "腹腔镜阑尾切除术", "次", 1600, 2800),
             ("310701001", "常规心电图检查", "次", 15, 30), ("120600001", "大换药", "次", 20, 40)]


@template("finance", "fee_standard_notice", {"S1": 1})
def fee_standard_notice(g, d):
    """医疗服务价格公示: a public price list with the pricing basis and complaint channels."""
    d.title(g.pick(["医疗服务项目价格公示", "常用医疗服务收费标准公示", "医疗服务价格调整公示"]), scale=1.4)
    d.para(f"根据{g.hosp['region'][1]}医疗保障局、卫生健康委员会关于医疗服务价格管理的有关规定，"
           "现将我院常用医疗服务项目收费标准公示如下，接受社会监督：")
    rows = [[code, name, unit, f"{g.num(lo * 100, hi * 100) / 100:.2f}", g.pick(["", "", "含一次性耗材", "三级医院价格"])]
            for code, name, unit, lo, hi in g.f.sample(FEE_ITEMS, g.num(6, 12))]
    d.table(["项目编码", "项目名称", "计价单位", "价格（元）", "说明"], rows, size=0.86)
    d.para("以上价格自" + g.d(g.day()) + "起执行。药品和医用耗材按规定实行零差率销售。"
           "患者可通过门诊大厅自助机、医院网站查询费用明细。如对收费有疑问，可向医院价格管理办公室咨询，"
           "或拨打12345政务服务热线反映。")
    g.sign_date(d, g.hosp["name"], stamp=g.chance(0.5))


@template("finance", "refund_register", {"S3": 1})
def refund_register(g, d):
    """门诊/住院退费登记表: who was refunded, by which card number, how much and why."""
    d.title(g.pick(["门诊退费登记表", "患者退费审批登记簿", "预交金退款登记表"]), scale=1.4)
    d.kv([("收费处", g.pick(["门诊收费处", "住院结算处", "急诊收费处"])), ("登记月份", f"{g.year}年{g.num(1, 12)}月")], cols=2)
    rows, total = [], 0.0
    day = g.day()
    for k in range(1, g.num(6, 18) + 1):
        day = g.f.later(day, 0, 2)
        v = g.f.money(5, 3000)
        total += v
        rows.append([str(k), g.d(day), g.pn(), g.pmrn("就诊卡号"),
                     g.pick(["挂号费", "诊查费", "检查费", "检验费", "药费", "预交金"]), f"{v:.2f}",
                     g.pick(["重复缴费", "检查取消", "医保结算差额", "退号", "出院结余", "未取药"]), g.pn()])
    d.table(["序号", "日期", "姓名", "就诊卡号", "退费项目", "金额", "原因", "经办人"], rows, size=0.8)
    d.kv([("退费合计", f"{total:,.2f}元"), ("大写", amount_upper(total))], cols=2)
    d.left("退费须凭患者本人有效证件及原始票据办理，代办人须登记本人证件信息。", scale=0.9)


# (line, kind, budget of a mid-sized hospital in 10k yuan, execution speed range relative to time)
BUDGET_LINES = [("医疗收入", "收入", 80000, 0.8, 1.15), ("其中：门急诊收入", "收入", 28000, 0.8, 1.15),
                ("其中：住院收入", "收入", 52000, 0.8, 1.15), ("财政基本支出补助", "收入", 6000, 0.6, 1.0),
                ("财政项目支出补助", "收入", 4000, 0.3, 0.9), ("科教项目收入", "收入", 1500, 0.4, 1.1),
                ("人员经费", "支出", 30000, 0.85, 1.08), ("药品费", "支出", 20000, 0.85, 1.2), ("卫生材料费", "支出", 15000, 0.85, 1.25),
                ("维修（护）费", "支出", 2500, 0.5, 1.1), ("水电燃气费", "支出", 2000, 0.8, 1.2), ("差旅及会议费", "支出", 300, 0.3, 0.9),
                ("专用设备购置", "支出", 5000, 0.2, 0.9), ("信息化建设", "支出", 2000, 0.2, 0.8), ("基本建设支出", "支出", 8000, 0.2, 0.8)]


def _period_end(year, month):
    import datetime as dt
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


@template("finance", "budget_execution", {"S2": 1})
def budget_execution(g, d):
    """预算执行情况分析: an internal periodic report comparing the year's budget with the execution to date."""
    months = g.pick([3, 6, 9, g.num(2, 11)])
    period = {3: "第一季度", 6: "上半年", 9: "前三季度"}.get(months, f"1—{months}月")
    d.title(g.pick([f"{g.year}年{period}预算执行情况分析报告", f"{g.year}年{period}收支预算执行进度通报",
                    f"关于{g.year}年{period}预算执行情况的分析"]), scale=1.3)
    if g.chance(0.5):
        d.center(f"（{g.pick(['提交预算管理委员会审议', '院长办公会会议材料', '财务处编'])}）")
    sched = months / 12
    lines = [BUDGET_LINES[0]] + (BUDGET_LINES[1:3] if g.chance(0.5) else []) + \
        g.f.sample(BUDGET_LINES[3:6], g.num(1, 3)) + g.f.sample(BUDGET_LINES[6:], g.num(4, 7))
    lines.sort(key=lambda x: (x[1] != "收入", BUDGET_LINES.index(x)))
    rows, inc_b, inc_a, exp_b, exp_a = [], 0.0, 0.0, 0.0, 0.0
    slow = []
    scale = g.rng.uniform(0.3, 2.5)
    for name, kind, base, lo, hi in lines:
        budget = round(base * scale * g.rng.uniform(0.85, 1.15))
        done = budget * sched * g.rng.uniform(lo, hi)
        rate = done / budget
        if not name.startswith("其中"):
            if kind == "收入":
                inc_b, inc_a = inc_b + budget, inc_a + done
            else:
                exp_b, exp_a = exp_b + budget, exp_a + done
        if kind == "支出" and rate < sched - 0.12:
            slow.append(name)
        rows.append([name, kind, f"{budget:,}", f"{done:,.1f}", f"{rate:.1%}", f"{(rate - sched) * 100:+.1f}"])
    d.heading("一、总体执行情况")
    d.para(f"截至{g.year}年{months}月末，全院收入预算{inc_b:,.0f}万元，累计实现收入{inc_a:,.1f}万元，执行进度{inc_a / inc_b:.1%}；"
           f"支出预算{exp_b:,.0f}万元，累计支出{exp_a:,.1f}万元，执行进度{exp_a / exp_b:.1%}，时间序时进度为{sched:.1%}。"
           + g.pick(["收支执行总体平稳。", "收入进度快于支出进度，当期收支结余较上年同期增加。",
                     "支出执行略慢于序时进度，主要集中在项目支出。"]))
    d.right("单位：万元")
    d.table(["预算项目", "类别", "年度预算", "累计执行", "执行率", "较序时进度（百分点）"], rows, size=0.86)
    projects = g.chance(0.6)
    if projects:
        d.heading("二、重点项目资金执行情况")
        prows = []
        for _ in range(g.num(2, 5)):
            e = g.f.equipment()
            item = g.pick([f"{e[0]}购置项目", "重点专科建设专项", "智慧医院信息化建设", "公立医院高质量发展补助",
                           "住院楼改造项目", "人才引进专项经费"])
            b = g.num(50, 3000)
            prows.append([item, g.pick(["财政专项", "自筹", "财政专项", "债券资金"]), f"{b:,}", f"{b * g.rng.uniform(0, 0.9):,.1f}",
                          g.pick(["医学装备部", "信息中心", "基建处", "医务处", "人力资源部"])])
        d.table(["项目名称", "资金来源", "预算数", "已支付", "责任部门"], prows, size=0.86)
    n = "三" if projects else "二"
    d.heading(n + g.pick(["、存在的主要问题", "、执行中存在的问题"]))
    problems = ["部分项目前期论证不充分，采购启动滞后，资金支付进度偏慢",
                "卫生材料费增幅高于医疗收入增幅，耗材占比有所上升",
                "个别科室预算调整频繁，预算约束力不强",
                "财政专项资金拨付到位较晚，项目支出集中在下半年",
                "应收医保款回款周期较长，资金周转压力加大",
                (f"{'、'.join(slow[:2])}执行进度明显低于序时进度" if slow else "维修维护费支出与年初预算存在偏差")]
    for k, t in enumerate(g.f.sample(problems, g.num(2, 4)), 1):
        d.para(f"{k}. {t}。", indent=2)
    d.heading(("四" if projects else "三") + g.pick(["、下一步措施", "、下一步工作建议"]))
    d.para(g.pick(["各归口管理部门要对照预算逐项梳理，确需调整的按程序提出预算调整申请；",
                   "建立预算执行月度通报和约谈机制，对执行率低于序时进度的项目责任部门进行督办；"])
           + g.pick(["加强耗材使用监测，将成本控制指标纳入科室绩效考核。", "加快政府采购流程，确保年底前专项资金支付率达到90%以上。",
                     "加强医保结算款对账和催收，提高资金使用效益。"]))
    g.sign_date(d, g.pick(["财务处", "预算管理办公室", "财务处（预算管理办公室）"]),
                date=g.f.later(_period_end(g.year, months), 5, 25), stamp=g.chance(0.4), dept="财务专用章")


COST_ITEMS = [("人员经费", 0.30, 0.45), ("卫生材料费", 0.12, 0.30), ("药品费", 0.10, 0.28), ("固定资产折旧费", 0.04, 0.12),
              ("无形资产摊销费", 0.0, 0.01), ("提取医疗风险基金", 0.002, 0.01), ("其他运行费用", 0.03, 0.08)]


@template("finance", "cost_accounting", {"S2": 1})
def cost_accounting(g, d):
    """科室成本核算报表: either a per-department overview or one department's full-cost statement."""
    month = g.num(1, 12)
    kind = g.pick(["month", "year", "quarter"])
    q = g.num(1, 4)
    per = {"month": f"{g.year}年{month}月", "year": f"{g.year}年度", "quarter": f"{g.year}年第{q}季度"}[kind]
    end = _period_end(g.year, {"month": month, "year": 12, "quarter": q * 3}[kind])
    if g.chance(0.5):
        d.title(g.pick(["临床科室成本核算汇总表", "科室全成本核算报表", "临床服务类科室收支结余表"]), scale=1.4)
        d.kv([("核算期间", per), ("编制单位", g.hosp["name"]), ("金额单位", "万元")], cols=3)
        rows = []
        for dept in g.f.sample(CLINICAL_DEPTS, g.num(8, 18)):
            inc = g.num(80, 2600) + g.rng.random()
            direct = inc * g.rng.uniform(0.55, 0.85)
            mgmt = inc * g.rng.uniform(0.05, 0.1)
            aux = inc * g.rng.uniform(0.06, 0.15)
            tot = direct + mgmt + aux
            rows.append([dept, f"{inc:,.1f}", f"{direct:,.1f}", f"{mgmt:,.1f}", f"{aux:,.1f}", f"{tot:,.1f}",
                         f"{inc - tot:,.1f}", f"{tot / inc:.1%}"])
        d.table(["科室", "医疗收入", "直接成本", "分摊管理费用", "分摊医技医辅成本", "全成本", "收支结余", "成本收入率"], rows, size=0.8)
        d.para("说明：直接成本按科室实际耗用归集；管理费用按科室人员数比例分摊，医辅科室成本按服务量（工作量、面积）分摊，"
               "医技科室成本按内部服务收入比例分摊至临床科室。", indent=0)
    else:
        dept = g.f.dept()
        d.title(g.pick([f"{dept}成本核算明细表", "科室成本报表（直接成本及分摊）", f"{dept}{per}成本分析表"]), scale=1.4)
        d.kv([("核算单元", dept), ("核算期间", per), ("床位数", f"{g.num(20, 90)}张"),
              ("出院人次", f"{g.num(100, 3000)}人次"), ("金额单位", "元")], cols=3)
        inc = g.f.money(5e5, 2e7)
        rows, direct = [], 0.0
        for name, lo, hi in COST_ITEMS:
            v = inc * g.rng.uniform(lo, hi)
            a = v * g.rng.uniform(0.7, 1.0)
            direct += v
            rows.append([name, f"{a:,.2f}", f"{v - a:,.2f}", f"{v:,.2f}"])
        rows.append(["直接成本小计", "", "", f"{direct:,.2f}"])
        d.table(["成本项目", "直接计入", "计算计入", "合计"], rows, size=0.88)
        mgmt, aux, tech = inc * 0.07, inc * 0.1, inc * g.rng.uniform(0.05, 0.12)
        d.kv([("分摊行政后勤管理费用", f"{mgmt:,.2f}"), ("分摊医辅科室成本", f"{aux:,.2f}"), ("分摊医技科室成本", f"{tech:,.2f}"),
              ("科室全成本", f"{direct + mgmt + aux + tech:,.2f}"), ("医疗收入", f"{inc:,.2f}"),
              ("收支结余", f"{inc - direct - mgmt - aux - tech:,.2f}")], cols=2)
        if g.chance(0.6):
            d.heading("成本分析：")
            d.para(g.pick([f"本期卫生材料费占医疗收入比重{g.num(12, 30)}%，较上期{g.pick(['上升', '下降'])}{g.num(1, 5)}个百分点，"
                           "主要为高值耗材使用量变化所致。",
                           f"百元医疗收入消耗卫生材料{g.num(12, 30)}元，每床日成本{g.num(600, 3000)}元，可控成本较上期有所下降。",
                           "人员经费占比较高，建议结合床位使用率优化排班，提高设备使用效率，降低单位服务成本。"]))
    d.kv([("成本核算员", "（签章）"), ("财务处负责人", "（签章）"), ("报出日期", g.d(g.f.later(end, 8, 40)))], cols=3)


@template("finance", "arrears_notice", {"S3": 2, "S4": 2, "S5": 1})
def arrears_notice(g, d):
    """医疗费用欠费催缴通知书: S3 outpatient/identity only; S4 with the stay, diagnosis and fee breakdown;
    S5 the same for a special-category diagnosis, addressed to the guardian."""
    health = g.level in ("S4", "S5")
    p = g.patient(16, 88)
    d.title(g.pick(["医疗费用欠费催缴通知书", "欠费催缴函", "关于尽快结清欠付医疗费用的通知"]), scale=1.4)
    no = f"QF{g.year}{g.num(1, 999):03d}"
    d.right(f"编号：{no}")
    total = g.f.money(6000, 160000) if health else 0.0
    paid = total * g.rng.uniform(0.3, 0.85)
    owed = total - paid if health else g.f.money(150, 12000)
    start = g.day()
    end = g.f.later(start, 3, 40)
    dx = g.f.diagnosis(True if g.restricted else False) if health else None
    guardian = health and (dx[3] == "psychiatric" or (not g.restricted and g.chance(0.3)))
    if guardian:
        d.left(g.pn(), "（监护人）：" if dx[3] == "psychiatric" else g.pick(["（患者家属）：", "先生/女士："]))
    else:
        d.left(g.pn(p["name"]), "先生/女士：" if g.chance(0.5) else "：")
    if health:
        who = ["患者", g.pn(p["name"])] if guardian else ["您"]
        d.para(*who, f"于{g.d(start)}因{dx[0]}入住我院{dx[2]}，经{g.pick(['积极治疗', '手术及对症治疗', '住院综合治疗'])}后"
               f"于{g.d(end)}{g.pick(['出院', '办理出院', '自动出院'])}。住院期间共发生医疗费用{total:,.2f}元，"
               f"扣除医保统筹支付及已预交款项后，尚欠{owed:,.2f}元（大写：{amount_upper(owed)}）。")
        d.kv([("住院号", g.pmrn()), ("出院诊断", f"{dx[0]}（{dx[1]}）"), ("住院天数", f"{(end - start).days}天"),
              ("结算方式", g.pick(["城镇职工医保", "城乡居民医保", "自费"]))], cols=2)
        if g.chance(0.7):
            cats = g.f.sample(["床位费", "诊查费", "检查费", "化验费", "治疗费", "手术费", "护理费", "西药费", "卫生材料费"], g.num(4, 7))
            share = {"床位费": 0.06, "诊查费": 0.02, "检查费": 0.15, "化验费": 0.1, "治疗费": 0.12, "手术费": 0.2, "护理费": 0.05,
                     "西药费": 0.25, "卫生材料费": 0.18}
            w = [share[c] * g.rng.uniform(0.6, 1.5) for c in cats]
            rows = [[c, f"{total * x / sum(w):,.2f}"] for c, x in zip(cats, w)]
            rows.append(["合计", f"{total:,.2f}"])
            d.table(["费用类别", "金额（元）"], rows, fill=False)
        if g.restricted:
            d.para(f"本通知涉及患者个人隐私及诊疗信息，仅寄送{'监护人' if guardian else '患者'}本人，请妥善保管，勿向他人出示。")
    else:
        d.para(f"您在我院{g.pick(['门诊', '急诊', '体检中心'])}办理的就诊业务中，截至{g.d(end)}尚有{owed:,.2f}元"
               f"（大写：{amount_upper(owed)}）费用未结清（{g.pick(['先诊疗后付费未按期缴纳', '绿色通道费用未补缴', '医保结算退回需个人补缴', '担保记账到期未结算'])}）。"
               "我院工作人员已多次电话联系，截至目前仍未缴纳。")
        d.kv([("就诊卡号", g.pmrn("就诊卡号")), ("身份证号", g.pid(p["birth"], p["sex"]))], cols=2)
    d.kv([("联系地址", g.paddr()), ("预留电话", g.pphone())], cols=1)
    d.para(f"请您在接到本通知之日起{g.pick([7, 10, 15])}日内到我院{g.pick(['住院处结算窗口' if health else '门诊收费处', '财务处'])}"
           "结清欠费，也可通过医院微信公众号“费用查询”栏目在线缴纳。如有异议，请于期限内携带有关票据到财务处核对。"
           "逾期未缴的，医院将依法通过诉讼等途径追偿，由此产生的费用由欠费人承担。")
    g.sign_date(d, g.pick(["财务处", "住院结算处" if health else "门诊收费处", g.hosp["name"] + "财务处"]),
                date=g.f.later(end, 20, 150), dept="财务专用章")
    if g.chance(0.5):
        d.hr(0.5)
        d.center("回　执", scale=1.05)
        d.kv([("通知编号", no), ("签收人（签字）", ""), ("与患者关系", ""), ("签收日期", "")], cols=2, underline=True)


DONORS = ["{c}", "{c}", "{c}", "{city}慈善总会", "{city}红十字会", "中华慈善总会", "{prov}医学发展基金会", "爱心人士（匿名）",
          "社会各界零星捐赠", "本院职工（集体捐款）"]


@template("finance", "donation_disclosure", {"S1": 1})
def donation_disclosure(g, d):
    """接受社会捐赠及使用情况公示: public list of donations received and how they were spent."""
    prov = g.hosp["region"][1]
    per, last_month = g.pick([("度", 12), ("上半年", 6), ("第四季度", 12), ("第三季度", 9)])
    d.title(g.pick([f"{g.hosp['name']}{g.year}年{per}接受社会捐赠情况公示", "关于接受社会捐赠资助情况的公告",
                    f"{g.year}年{per}慈善捐赠资金收支及使用情况公示"]), scale=1.3)
    law = ("《中华人民共和国慈善法》和《卫生健康行业接受社会捐赠资助管理暂行办法》" if g.year >= 2017 else
           "《中华人民共和国公益事业捐赠法》和《卫生计生单位接受公益事业捐赠管理办法（试行）》")
    d.para(f"根据{law}有关规定，现将我院{g.year}年"
           f"{per}接受社会捐赠资助及使用情况向社会公示，欢迎社会各界监督。")
    rows, cash, goods = [], 0.0, 0.0
    for k in range(1, g.num(4, 12) + 1):
        donor = g.pick(DONORS).format(c=g.f.company(), city=g.city, prov=prov)
        if g.chance(0.4):
            e = g.pick([x for x in EQUIPMENT if x[2] <= 60])
            n = g.num(1, 3) if e[2] < 20 else 1
            v = e[2] * 10000 * n * g.rng.uniform(0.6, 1.0)
            goods += v
            rows.append([str(k), donor, "物资", f"{e[0]}{n}台", f"{v:,.2f}",
                         g.pick(["定向用于临床科室", "用于基层帮扶", "非定向"])])
        else:
            v = g.f.money(2000, 800000)
            cash += v
            rows.append([str(k), donor, "货币", "—", f"{v:,.2f}",
                         g.pick(["困难患者医疗救助", "人才培养", "学科建设", "非定向", "公益健康宣教", "医务人员关爱"])])
    d.table(["序号", "捐赠方", "形式", "物资名称及数量", "金额/估值（元）", "捐赠意向"], rows, size=0.82)
    d.para(f"本期共接受货币捐赠{cash:,.2f}元，物资捐赠折合{goods:,.2f}元，合计{amount_upper(cash + goods)}。"
           "捐赠资金纳入医院财务统一管理、单独核算、专款专用。", indent=0)
    if g.chance(0.7):
        d.heading("捐赠资金使用情况")
        urows = []
        for use in g.f.sample(["困难患者医疗费用救助", "基层医务人员进修培训", "义诊及健康宣教活动", "新生儿救治设备配置",
                               "青年医师科研启动资助", "援外医疗队物资保障"], g.num(2, 5)):
            urows.append([use,
                          f"{g.f.money(1e4, 3e5):,.2f}",
                          g.pick([f"受益{g.num(10, 400)}人次", f"资助{g.num(2, 30)}人", f"开展{g.num(3, 40)}场次", "已完成", "执行中"])])
        d.table(["使用项目", "支出金额（元）", "执行情况"], urows, size=0.88)
    start = g.f.later(_period_end(g.year, last_month), 10, 60)
    d.para(f"公示期：{g.d(start)}至{g.d(g.f.later(start, 7, 10))}。公示期内如有疑问或异议，可通过医院官方网站“院务公开”栏目留言，"
           "或以书面形式向医院纪检监察室反映。本公示同时在医院门诊大厅公示栏张贴。")
    g.sign_date(d, g.hosp["name"], date=start, stamp=g.chance(0.7))
