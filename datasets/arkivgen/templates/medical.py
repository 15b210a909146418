"""医疗服务类（病案）: patient records. S4 by default, S5 for special-category diagnoses
(HIV/STD, psychiatric, genetic, reproductive); S3 for a record-copy request without health data."""

import datetime as dt

from ..fields import IMAGING, LAB_TESTS, SPECIAL_LABS, SURGERIES
from ..clinical import ANESTHESIA, OPERATIONS, Clinic
from . import template

HEALTH = {"S4": 3, "S5": 1}


def _dx(g):
    return g.f.diagnosis(True if g.level == "S5" else False)


def _doctor(g):
    return g.pn()


def _style(g):
    return g.pick(["colon", "bracket", "inline", "flush"])


def _section(g, d, style, name, text):
    """A record section in one of the layouts hospitals use: a heading line, 【…】 or inline."""
    if style == "colon":
        d.heading(f"{name}：")
        d.para(text)
    elif style == "bracket":
        d.heading(f"【{name}】")
        d.para(text)
    elif style == "flush":
        d.para(f"{name}：{text}", indent=0)
    else:
        d.para(f"{name}：{text}")


def _ident(g, d, p, dept, cols=3, mrn_kind="住院号", extra=()):
    pairs = [("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"),
             ("科别", dept), ("床号", f"{g.num(1, 60)}床"), (mrn_kind, g.pmrn(mrn_kind))]
    pairs.extend(extra)
    d.kv(pairs, cols=cols)


@template("medical", "admission_record", HEALTH)
def admission_record(g, d):
    p = g.patient(16, 90)
    dx = _dx(g)
    dept = dx[2]
    adm = g.day()
    d.center(g.hosp["name"], scale=1.2)
    d.title("入 院 记 录")
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("出生日期", g.pbirth(p["birth"])),
          ("民族", g.pick(["汉族", "汉族", "回族", "满族"])), ("婚姻", g.pick(["已婚", "未婚", "离异", "丧偶"])),
          ("职业", g.pick(["职员", "退休", "农民", "教师", "个体", "学生", "工人"])),
          ("身份证号", g.pid(p["birth"], p["sex"])), ("住址", g.paddr()),
          ("入院日期", g.d(adm) + " " + g.f.time()), ("病史陈述者", g.pick(["患者本人", "患者家属", "患者本人及家属"])),
          ("住院号", g.pmrn())], cols=2)
    c = Clinic(g, dx, p["sex"], p["age"])
    style = _style(g)
    _section(g, d, style, "主诉", c.complaint() + "。")
    _section(g, d, style, "现病史", c.hpi())
    _section(g, d, style, "既往史", c.past())
    if g.chance(0.7):
        _section(g, d, style, g.pick(["个人史", "个人史及婚育史"]), c.personal())
    _section(g, d, style, "体格检查", c.exam())
    if g.chance(0.7):
        _section(g, d, style, "辅助检查", c.aux())
    d.heading("初步诊断：")
    d.left(f"1. {dx[0]}")
    if g.chance(0.5):
        d.left(f"2. {g.f.diagnosis(False)[0]}")
    d.sign([["记录医师：", _doctor(g)], g.d(adm)])


@template("medical", "progress_note", HEALTH)
def progress_note(g, d):
    p = g.patient(10, 90)
    dx = _dx(g)
    d.page_header = [g.hosp["name"] + "  病程记录  姓名：", g.pn(p["name"]), "  住院号：", g.pmrn()]
    day = g.day()
    d.title("病 程 记 录", scale=1.35)
    n = g.num(3, 11)
    drugs = g.f.drugs(3, dx[3], dx[2])
    c = Clinic(g, dx, p["sex"], p["age"])
    for k in range(n):
        day = g.f.later(day, 1, 3)
        kind = "首次病程记录" if k == 0 else g.pick(["日常病程记录", "主治医师查房记录", "副主任医师查房记录", "日常病程记录"])
        d.left(f"{g.d(day)} {g.f.time()}  {kind}", bold=True)
        if k == 0:
            if g.chance(0.5):
                d.para("患者", g.pn(p["name"]), f"，{p['sex']}，{p['age']}岁，因“{c.complaint()}”入院。")
            else:   # the opening line as many wards write it: no name, the admission in one sentence
                d.para(g.pick(["患者", ""]) + c.intro())
            d.para("病例特点：" + c.features())
            d.para(f"初步诊断：{dx[0]}。诊疗计划：完善血常规、生化、凝血功能等检查，予{drugs[0][0]}治疗，监测生命体征。")
        else:
            d.para(c.round())
        d.right("医师签名：", _doctor(g))


@template("medical", "lab_report", HEALTH)
def lab_report(g, d):
    p = g.patient(1, 90)
    dx = _dx(g)
    d.title(g.hosp["name"] + "检验报告单", scale=1.3)
    _ident(g, d, p, dx[2], cols=3, mrn_kind=g.pick(["住院号", "门诊号", "病案号"]),
           extra=[("标本类型", g.pick(["静脉血", "血清", "全血"])), ("送检医师", g.pn()),
                  ("临床诊断", dx[0])])
    rows = []
    if dx[3] and dx[3] in SPECIAL_LABS:
        for item, res in g.f.sample(SPECIAL_LABS[dx[3]], min(2, len(SPECIAL_LABS[dx[3]]))):
            val = res.format(n=g.num(12, 480), t=g.num(2, 64))
            rows.append([item, val, "↑" if "阳性" in val else "", "阴性" if "阳性" in val else "见说明"])
    for name, unit, lo, hi, dec in g.f.sample(LAB_TESTS, g.num(8, 16)):
        v = round(g.rng.uniform(lo * 0.7, hi * 1.3 if hi else 1), dec) if hi else 0
        flag = "↑" if v > hi else "↓" if v < lo else ""
        rows.append([name, f"{v:.{dec}f}", flag, f"{lo}-{hi} {unit}".strip()])
    d.table(["项目", "结果", "提示", "参考区间"], rows)
    t = g.day()
    d.kv([("采样时间", g.d(t) + " " + g.f.time()), ("报告时间", g.d(t) + " " + g.f.time()),
          ("检验者", g.pn()), ("审核者", g.pn())], cols=2)
    d.left("本报告仅对所检标本负责。", scale=0.85)


@template("medical", "imaging_report", HEALTH)
def imaging_report(g, d):
    p = g.patient(5, 90)
    exam, find, imp = g.pick(IMAGING)
    d.title(g.hosp["name"], scale=1.3)
    d.subtitle(g.pick(["医学影像诊断报告书", "放射科检查报告", "超声检查报告单"]))
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"),
          ("检查号", f"{g.pick(['CT', 'MR', 'US', 'DX'])}{g.num(100000, 999999)}"),
          (g.pick(["住院号", "门诊号"]), g.pmrn()), ("检查部位", exam)], cols=3)
    if g.level == "S5":
        dx = g.f.diagnosis(True)
        d.kv([("临床诊断", dx[0])], cols=1)
    else:
        d.kv([("临床诊断", g.f.diagnosis(False)[0])], cols=1)
    if g.chance(0.5):
        c = Clinic(g, g.f.diagnosis(g.level == "S5"), p["sex"], p["age"])
        d.para(g.pick(["临床病史：", "病史摘要：", "检查目的："]) + c.complaint() + "。" + g.pick(["", "查体：" + c.vitals() + "。"]),
               indent=0)
    d.hr()
    d.heading("检查所见：")
    d.para(find)
    d.heading(g.pick(["诊断意见：", "影像诊断：", "超声提示："]))
    d.para(imp, indent=0)
    d.sign([["报告医师：", g.pn()], ["审核医师：", g.pn()], g.d(g.day())])


@template("medical", "discharge_summary", HEALTH, en=True)
def discharge_summary(g, d):
    p = g.patient(16, 90)
    dx = _dx(g)
    adm = g.day()
    dis = g.f.later(adm, 3, 21)
    drugs = g.f.drugs(3, dx[3], dx[2])
    if g.en:
        d.title(g.pick(["DISCHARGE SUMMARY", "Discharge Summary"]))
        d.center("International Medical Service, " + g.pick(["First People's Hospital", "Central Hospital", "Union Hospital"]))
        d.kv([("Name", g.pn()), ("Sex", g.pick(["Male", "Female"])), ("Age", str(p["age"])),
              ("MRN", g.pmrn()), ("Admitted", g.d(adm)), ("Discharged", g.d(dis))], cols=2)
        en_dx = {"hiv": "HIV infection on antiretroviral therapy", "std": "Latent syphilis",
                 "psychiatric": "Major depressive disorder, severe", "genetic": "BRCA1 pathogenic variant carrier",
                 "reproductive": "Female infertility, IVF cycle"}
        diag = en_dx.get(dx[3], g.pick(["Community-acquired pneumonia", "Acute appendicitis", "Type 2 diabetes mellitus",
                                        "Fracture of femoral neck", "Atrial fibrillation", "Cholecystitis with gallstones"]))
        d.heading("Diagnosis:")
        d.para(diag, indent=0)
        d.heading("Hospital course:")
        d.para(f"The patient was admitted with {g.pick(['fever and cough', 'abdominal pain', 'chest discomfort', 'hip pain after a fall'])}. "
               f"Laboratory tests and imaging were performed. Treatment was started and the patient improved steadily. "
               f"Vital signs were stable at discharge.", indent=0)
        d.heading("Discharge medication:")
        for k, dr in enumerate(drugs, 1):
            d.left(f"{k}. {g.pick(['Amoxicillin', 'Metformin', 'Atorvastatin', 'Aspirin', 'Omeprazole', 'Sertraline', 'Tenofovir'])} as directed")
        d.heading("Follow-up:")
        d.para(f"Outpatient clinic in {g.num(1, 4)} weeks. Contact phone: ", g.pphone(), indent=0)
        d.sign([["Attending physician: ", g.pn()], g.d(dis)])
        return
    d.center(g.hosp["name"], scale=1.2)
    d.title(g.pick(["出 院 小 结", "出院记录", "出院小结"]))
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("住院号", g.pmrn()),
          ("入院日期", g.d(adm)), ("出院日期", g.d(dis)), ("住院天数", f"{(dis - adm).days}天"),
          ("科室", dx[2])], cols=2)
    c = Clinic(g, dx, p["sex"], p["age"])
    style = _style(g)
    opening = c.intro() if g.chance(0.5) else f"患者因“{c.complaint()}”入院。"
    _section(g, d, style, "入院情况", opening + (c.exam() if g.chance(0.6) else ""))
    _section(g, d, style, "入院诊断", dx[0])
    _section(g, d, style, "诊疗经过", c.course() + (c.aux(2) if g.chance(0.4) else ""))
    _section(g, d, style, "出院诊断", dx[0])
    _section(g, d, style, "出院情况", c.discharge_state())
    d.heading("出院医嘱：")
    d.table(["药品名称", "规格", "用法用量"], [[x[0], x[1], x[2]] for x in drugs])
    d.para("；".join(c.discharge_orders()) + f"；{dx[2]}门诊复诊。联系电话：", g.pphone(False))
    d.sign([["主治医师：", g.pn()], ["住院医师：", g.pn()]])


@template("medical", "surgery_record", HEALTH)
def surgery_record(g, d):
    p = g.patient(16, 85)
    if g.level == "S5":
        op, pre = g.pick([s for s in SURGERIES if "流产" in s[1] or "体外受精" in s[1]])
        hiv = g.chance(0.4)
    else:
        op, pre = g.pick([s for s in SURGERIES if "流产" not in s[1] and "体外受精" not in s[1]])
        hiv = False
    day = g.day()
    d.title(g.hosp["name"] + " 手术记录", scale=1.3)
    _ident(g, d, p, g.pick(["手术室", "普通外科", "骨科", "妇科", "泌尿外科"]))
    d.table(None, [["手术日期", g.d(day), "开始时间", g.f.time(), "结束时间", g.f.time()],
                   ["术前诊断", pre, "术后诊断", "同术前", "麻醉方式", g.pick(["全身麻醉", "腰硬联合麻醉", "局部麻醉", "静脉麻醉"])],
                   ["手术名称", op, "手术医师", g.pn(), "助手", g.pn()],
                   ["麻醉医师", g.pn(), "器械护士", g.pn(), "巡回护士", g.pn()]])
    d.heading("手术经过：")
    d.para(f"患者取{g.pick(['仰卧位', '截石位', '侧卧位'])}，麻醉成功后常规消毒铺巾。"
           f"{g.pick(['逐层切开皮肤、皮下组织', '建立气腹，置入腹腔镜及操作器械', '于超声引导下操作'])}，"
           f"探查见{g.pick(['病灶与术前评估一致', '局部粘连明显，仔细分离', '周围组织无明显异常'])}，"
           f"完成{op}。术中出血约{g.num(5, 400)}ml，{g.pick(['未输血', '输注悬浮红细胞2U'])}，"
           f"清点器械纱布无误，逐层关闭切口。术毕患者安返{g.pick(['病房', '麻醉恢复室', 'ICU'])}。")
    if hiv:
        d.para("备注：患者术前筛查HIV抗体阳性，已按职业暴露防护要求执行标准预防。")
    d.sign([["记录者：", g.pn()], g.d(day)])


@template("medical", "nursing_record", HEALTH)
def nursing_record(g, d):
    p = g.patient(1, 95)
    dx = _dx(g)
    d.title(g.hosp["name"] + g.pick(["一般护理记录单", "护理记录单", "危重患者护理记录单"]), scale=1.2)
    _ident(g, d, p, dx[2], cols=3, extra=[("诊断", dx[0])])
    day = g.day()
    rows = []
    for _ in range(g.num(8, 44)):
        if g.chance(0.3):
            day = g.f.later(day, 1, 1)
        note = g.pick(["患者安静入睡", "遵医嘱予静脉输液，穿刺处无红肿", "协助翻身拍背", "指导低盐低脂饮食",
                       "患者诉伤口疼痛，报告医生", "予吸氧2L/min", "留置导尿通畅，尿色清", "测血糖",
                       "告知跌倒风险，床栏已拉起", "更换敷料，伤口干燥"])
        if dx[3] == "psychiatric" and g.chance(0.3):
            note = g.pick(["患者情绪低落，加强巡视防自伤", "患者拒绝服药，耐心劝导后服下", "查房见患者自言自语"])
        rows.append([f"{day.month}-{day.day}", g.f.time(), f"{g.num(362, 389) / 10}", str(g.num(60, 110)),
                     f"{g.num(100, 160)}/{g.num(60, 95)}", f"{g.num(92, 100)}%", note, g.f.name()[:1] + "护士"])
    d.table(["日期", "时间", "体温", "脉搏", "血压", "SpO2", "病情观察及护理措施", "签名"], rows, size=0.82)


@template("medical", "order_sheet", HEALTH)
def order_sheet(g, d):
    p = g.patient(1, 95)
    dx = _dx(g)
    kind = g.pick(["长期医嘱单", "临时医嘱单"])
    d.title(g.hosp["name"] + " " + kind, scale=1.2)
    _ident(g, d, p, dx[2], cols=3)
    day = g.day()
    rows = [[g.d(day), g.f.time(), "按" + g.pick(["一级", "二级", "三级"]) + "护理", g.pn(), ""],
            [g.d(day), g.f.time(), g.pick(["普食", "低盐低脂饮食", "糖尿病饮食", "流质饮食"]), g.pn(), ""]]
    for dr in g.f.drugs(g.num(4, 10), dx[3], dx[2]):
        rows.append([g.d(day), g.f.time(), f"{dr[0]} {dr[2]}", g.pn(), g.pick(["", "", g.d(g.f.later(day, 2, 9))])])
    if kind == "临时医嘱单":
        for t in g.f.sample(["血常规", "尿常规", "肝肾功能", "凝血功能", "心电图", "胸部CT", "输血前检查"], 3):
            rows.append([g.d(day), g.f.time(), t, g.pn(), ""])
    d.table(["日期", "时间", "医嘱内容", "医师签名", "停止日期"], rows, size=0.85)
    if dx[3]:
        d.left(f"诊断：{dx[0]}", scale=0.9)


@template("medical", "outpatient_record", HEALTH)
def outpatient_record(g, d):
    p = g.patient(1, 90)
    dx = _dx(g)
    day = g.day()
    d.title(g.hosp["name"] + g.pick(["门诊病历", "门(急)诊病历", "门诊就诊记录"]), scale=1.25)
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"),
          ("门诊号", g.pmrn("门诊号")), ("就诊日期", g.d(day)), ("科室", dx[2]),
          ("医保卡号", g.pins()) if g.chance(0.5) else ("就诊卡号", g.pmrn("就诊卡号")),
          ("联系电话", g.pphone(True))], cols=2)
    d.hr(0.6)
    c = Clinic(g, dx, p["sex"], p["age"])
    d.left(f"主诉：{c.complaint()}。")
    d.para("现病史：" + c.hpi(), indent=0)
    d.para("既往史：" + c.past(), indent=0)
    d.para("查体：" + (c.exam() if g.chance(0.5) else c.vitals() + "。"), indent=0)
    if g.chance(0.5):
        d.para("辅助检查：" + c.aux(), indent=0)
    d.left(f"初步诊断：{dx[0]}")
    d.left("处理：")
    for k, dr in enumerate(g.f.drugs(g.num(1, 4), dx[3], dx[2]), 1):
        d.left(f"  {k}. {dr[0]} {dr[1]} {dr[2]}")
    d.left(g.pick(["嘱：按时服药，不适随诊。", "嘱：一周后复诊。", "嘱：完善相关检查后复诊。"]))
    d.right("医师签名：", g.pn())


@template("medical", "consent_form", HEALTH)
def consent_form(g, d):
    p = g.patient(18, 80)
    if g.level == "S5":
        kind, body = g.pick([
            ("HIV抗体检测知情同意书", "HIV抗体检测结果将严格保密，仅告知本人；如检测结果为阳性，将按规定进行确证检测并报告疾病预防控制机构。"),
            ("人工终止妊娠手术知情同意书", "术中术后可能出现出血、感染、子宫穿孔、宫腔粘连、吸宫不全需再次清宫等风险。"),
            ("体外受精-胚胎移植知情同意书", "治疗可能出现卵巢过度刺激综合征、多胎妊娠、异位妊娠、周期取消等情况，成功率受多种因素影响。"),
            ("遗传病基因检测知情同意书", "检测结果可能提示遗传性疾病风险，并可能涉及家系成员，检测结果将严格保密。"),
            ("精神科住院治疗知情同意书", "住院期间可能采取保护性约束措施；药物治疗可能出现锥体外系反应、体重增加等不良反应。"),
        ])
    else:
        kind, body = g.pick([
            ("手术知情同意书", "手术可能出现麻醉意外、术中术后出血、感染、邻近器官损伤、切口愈合不良等风险。"),
            ("输血治疗知情同意书", "输血可能发生过敏反应、发热反应、溶血反应及经血液传播疾病的风险。"),
            ("麻醉知情同意书", "麻醉过程中可能出现呼吸抑制、血压波动、恶心呕吐、过敏反应等情况。"),
            ("介入治疗知情同意书", "介入治疗可能出现穿刺部位血肿、造影剂过敏、血管损伤等并发症。"),
        ])
    d.title(kind, scale=1.4)
    d.kv([("患者姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"),
          ("住院号", g.pmrn()), ("身份证号", g.pid(p["birth"], p["sex"]))], cols=2, underline=True)
    d.para(f"根据患者病情，医师建议进行{kind.replace('知情同意书', '')}。医师已向患者及家属详细说明了相关风险：")
    d.para(body)
    d.para("患者及家属已充分理解上述内容，经慎重考虑，" + g.pick(["同意", "自愿"]) + "接受该项诊疗，并愿意承担相应风险。")
    d.left("√同意    □不同意")
    d.kv([("患者签名", g.pn(p["name"])), ("签名日期", g.d(g.day())),
          ("委托代理人", g.pn()), ("与患者关系", g.pick(["配偶", "子女", "父母", "兄弟姐妹"])),
          ("联系电话", g.pphone(True)), ("谈话医师", g.pn())], cols=2, underline=True)


@template("medical", "copy_request", {"S3": 1})
def copy_request(g, d):
    p = g.patient(18, 85)
    d.title("病案复印申请登记表", scale=1.4)
    d.center(g.hosp["name"] + " 病案管理科")
    d.table(None, [["申请人姓名", g.pn(), "身份证号", g.pid()],
                   ["患者姓名", g.pn(p["name"]), "病案号", g.pmrn("病案号")],
                   ["与患者关系", g.pick(["本人", "配偶", "子女", "委托代理人"]), "联系电话", g.pphone(True)],
                   ["复印用途", g.pick(["商业保险理赔", "医保报销", "转院就诊", "个人留存"]), "复印页数", f"{g.num(4, 60)}页"],
                   ["申请日期", g.d(g.day()), "经办人", g.pn()]])
    d.para("提交材料：" + g.pick(["患者本人身份证原件", "申请人及患者身份证复印件、授权委托书", "保险公司介绍信"]) +
           "。复印内容：门（急）诊病历、住院志、体温单、医嘱单、检验报告、医学影像检查报告、手术及麻醉记录、出院记录等客观病历资料。",
           indent=0)
    d.sign([["申请人签名：", g.pn()], g.d(g.day())])


def _brief_ident(g, d, p, dept):
    """The short identity block of summaries and consultation notes, in one of several layouts."""
    pairs = [("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("科室", dept),
             (g.pick(["住院号", "病案号", "ID号"]), g.pmrn())]
    if g.chance(0.5):
        d.kv(pairs, cols=g.pick([2, 3]))
    else:
        d.para(*[x for k, v in pairs for x in (f"{k}：", v, "  ")][:-1], indent=0)


@template("medical", "case_abstract", HEALTH)
def case_abstract(g, d):
    p = g.patient(16, 95)
    dx = _dx(g)
    c = Clinic(g, dx, p["sex"], p["age"])
    d.title(g.pick(["病历摘要", "病情摘要", "住院病历摘要", "病案摘要", "出院病历摘要"]), scale=1.3)
    if g.chance(0.6):
        d.center(g.hosp["name"])
    _brief_ident(g, d, p, dx[2])
    style = _style(g)
    _section(g, d, style, g.pick(["一般项目", "一般情况"]), c.intro())
    parts = [("病史特点", c.features), ("诊疗经过", c.course), ("出院情况", c.discharge_state),
             ("辅助检查", c.aux), ("体格检查", c.exam), ("现病史", c.hpi)]
    for name, fn in g.f.sample(parts, g.num(2, 4)):
        _section(g, d, style, name, fn())
    _section(g, d, style, g.pick(["诊断", "出院诊断", "目前诊断"]), dx[0])
    g.sign_date(d, "经治医师：" + g.f.name()[:1] + "医师", stamp=g.chance(0.3))


@template("medical", "consultation_record", HEALTH)
def consultation_record(g, d):
    p = g.patient(16, 92)
    dx = _dx(g)
    c = Clinic(g, dx, p["sex"], p["age"])
    d.title(g.pick(["会诊记录", "会诊单", "院内会诊记录", "多学科会诊记录"]), scale=1.35)
    _brief_ident(g, d, p, dx[2])
    d.kv([("申请科室", dx[2]), ("会诊科室", g.f.dept()), ("申请时间", g.d(g.day()) + " " + g.f.time()),
          ("会诊类型", g.pick(["普通会诊", "急会诊"]))], cols=2)
    d.heading(g.pick(["病情摘要及会诊目的：", "简要病情：", "会诊申请："]))
    d.para(c.hpi() + "目前诊断：" + dx[0] + "。" + g.pick(["现请贵科会诊，协助诊治。", "请贵科会诊指导下一步治疗。",
                                                          "特请会诊，明确诊断。"]))
    d.heading(g.pick(["会诊意见：", "会诊科室意见："]))
    d.para("会诊医师查看患者并详细询问病史：" + c.exam(False) + "建议：" + "；".join(c.discharge_orders()) + "。")
    d.right("会诊医师：", g.pn())


@template("medical", "transfer_record", HEALTH)
def transfer_record(g, d):
    p = g.patient(16, 92)
    dx = _dx(g)
    c = Clinic(g, dx, p["sex"], p["age"])
    kind = g.pick(["转科记录", "转出记录", "转入记录", "转院记录"])
    d.center(g.hosp["name"])
    d.title(kind, scale=1.35)
    _brief_ident(g, d, p, dx[2])
    style = _style(g)
    _section(g, d, style, "入院情况", c.intro() + c.exam(False))
    _section(g, d, style, "入院诊断", dx[0])
    _section(g, d, style, "诊疗经过", c.course())
    _section(g, d, style, "目前情况", c.round())
    _section(g, d, style, g.pick(["转科目的", "转院理由"]), g.pick(["进一步专科治疗", "病情需要，转上级医院继续治疗",
                                                               "择期手术治疗", "加强监护治疗"]) + "。")
    g.sign_date(d, "医师：" + g.f.name()[:1] + "医师", stamp=False)


@template("medical", "emergency_record", HEALTH)
def emergency_record(g, d):
    p = g.patient(3, 95)
    dx = _dx(g)
    c = Clinic(g, dx, p["sex"], p["age"])
    d.title(g.hosp["name"] + g.pick(["急诊病历", "急诊抢救记录", "急诊留观记录"]), scale=1.2)
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"),
          ("急诊号", g.pmrn("急诊号")), ("来诊方式", g.pick(["步行", "120送入", "家属陪同", "轮椅"])),
          ("分诊级别", g.pick(["Ⅰ级", "Ⅱ级", "Ⅲ级", "Ⅳ级"]))], cols=3)
    d.left(f"到诊时间：{g.d(g.day())} {g.f.time()}")
    if g.chance(0.4):
        d.para(c.intro())
    d.para(f"主诉：{c.complaint()}。", indent=0)
    d.para("现病史：" + c.hpi(), indent=0)
    d.para("查体：" + c.exam(), indent=0)
    d.para("辅助检查：" + c.aux(), indent=0)
    d.para(f"初步诊断：{dx[0]}。处理：" + g.pick(["予心电监护、吸氧、开放静脉通道，", "予补液、止痛、对症处理，",
                                                "立即予抢救处理，"]) + "；".join(c.discharge_orders()) + "。", indent=0)
    d.right("接诊医师：", g.pn())


@template("medical", "preop_summary", HEALTH)
def preop_summary(g, d):
    p = g.patient(16, 88)
    dx = _dx(g)
    c = Clinic(g, dx, p["sex"], p["age"])
    op = g.pick(OPERATIONS)
    d.title(g.pick(["术前小结", "术前讨论记录", "手术前小结"]), scale=1.35)
    _brief_ident(g, d, p, dx[2])
    style = _style(g)
    _section(g, d, style, "简要病情", c.intro() + c.hpi())
    _section(g, d, style, "术前诊断", dx[0])
    _section(g, d, style, "手术指征", g.pick(["诊断明确，保守治疗效果不佳", "有明确手术指征，无绝对手术禁忌",
                                            "病情进展，需手术治疗"]) + "。")
    _section(g, d, style, "拟施手术", f"{op}（{g.pick(ANESTHESIA)}）")
    _section(g, d, style, "术前准备", "完善血常规、凝血功能、心电图、胸片等检查，" + c.aux(1) +
             g.pick(["术前禁食水8小时。", "备血400ml。", "术区备皮。"]))
    _section(g, d, style, "注意事项", "术中注意保护周围组织，术后" + g.pick(["监测生命体征", "预防感染", "早期下床活动"]) + "。")
    d.right("经治医师：", g.pn())


@template("medical", "continuation_page", HEALTH)
def continuation_page(g, d):
    """A continuation sheet (续页) of an inpatient record: a header line and one to three sections."""
    p = g.patient(16, 95)
    dx = _dx(g)
    c = Clinic(g, dx, p["sex"], p["age"])
    d.page_header = [g.pick(["姓名：", "患者：", ""]), g.pn(p["name"]),
                     f"  {g.pick(['住院号', '病案号'])}：", g.pmrn(), f"  {g.pick(['续页', '第2页', '第3页', ''])}"]
    style = _style(g)
    if g.chance(0.3):   # the first sheet's 一般项目 only
        _section(g, d, style, g.pick(["一般项目", "一般情况"]), c.intro())
        return
    parts = [("一般项目", c.intro), ("病史特点", c.features), ("诊疗经过", c.course),
             ("出院情况", c.discharge_state), ("现病史", c.hpi), ("体格检查", c.exam), ("病程记录", c.round)]
    for name, fn in g.f.sample(parts, g.num(1, 3)):
        _section(g, d, style, name, fn())


# (specimen, gross findings, microscopy, pathological diagnosis, immunohistochemistry or None)
SPECIMENS = [
    ("阑尾", "阑尾一条，长{a}cm，直径0.{b}cm，浆膜面充血，附少量脓苔，切开腔内见粪石一枚。",
     "阑尾壁全层见大量中性粒细胞浸润，黏膜部分坏死脱落，浆膜面纤维素渗出。", "（阑尾）急性化脓性阑尾炎", None,
     "急性阑尾炎", "普通外科"),
    ("胆囊", "胆囊一枚，大小{a}×3×2.5cm，壁厚0.{b}cm，黏膜粗糙，腔内见结石数枚，最大径1.{b}cm。",
     "胆囊黏膜上皮增生，固有层及肌层见淋巴细胞、浆细胞浸润，可见罗-阿窦形成。", "（胆囊）慢性胆囊炎伴胆囊结石", None,
     "胆囊结石伴慢性胆囊炎", "肝胆外科"),
    ("甲状腺右叶", "灰白灰红组织一块，大小{a}×3×2cm，切面见一结节，直径1.{b}cm，灰白质实，边界欠清。",
     "肿瘤细胞呈乳头状排列，细胞核呈毛玻璃样，可见核沟及核内假包涵体，间质见砂粒体。",
     "（甲状腺右叶）甲状腺乳头状癌（经典型），肿瘤未累及甲状腺被膜", ["TG", "TTF-1", "CK19", "Galectin-3", "Ki-67"],
     "甲状腺右叶结节", "甲乳外科"),
    ("远端胃", "远端胃大部切除标本，小弯长{a}cm，大弯长1{b}cm，胃窦部见一溃疡型肿物，大小3×2.{b}cm，切面灰白质硬。",
     "癌细胞呈腺管状、条索状浸润性生长，达浆膜下层，可见脉管内癌栓，上下切缘未见癌。",
     "（远端胃）胃窦低分化腺癌（溃疡型），浸润至浆膜下层；小弯侧淋巴结见癌转移", ["CK", "CDX-2", "HER2", "Ki-67", "MLH1"],
     "胃恶性肿瘤", "胃肠外科"),
    ("子宫", "子宫一个，大小{a}×7×5cm，肌壁间见结节两枚，直径2-4cm，切面灰白编织状，与周围界清。",
     "梭形平滑肌细胞束状交织排列，细胞无明显异型，未见核分裂象增多及凝固性坏死。", "（子宫）子宫平滑肌瘤", None,
     "子宫平滑肌瘤", "妇科"),
    ("结肠息肉", "灰红色组织一枚，直径0.{b}cm，带蒂。", "腺体增生，呈管状排列，细胞轻度异型，未见浸润。",
     "（横结肠）管状腺瘤，低级别上皮内瘤变", None, "结肠息肉", "消化内科"),
    ("右肺下叶穿刺组织", "灰白条索状组织{b}条，长0.5-1.{b}cm，直径0.1cm。",
     "肺泡结构破坏，异型腺体呈贴壁及腺泡样生长，细胞核大深染。", "（右肺下叶穿刺）浸润性腺癌",
     ["TTF-1", "NapsinA", "CK7", "P40", "Ki-67"], "右肺下叶占位性病变", "呼吸与危重症医学科"),
    ("乳腺肿物", "灰白结节一枚，大小{a}×2×1.5cm，包膜完整，切面灰白，质韧。",
     "乳腺导管及间质增生，导管受压呈裂隙状，间质疏松。", "（左乳）纤维腺瘤", None, "左乳肿物", "甲乳外科"),
    ("胃镜活检组织", "灰白碎组织{b}粒，直径0.1-0.2cm。", "胃黏膜固有层见较多淋巴细胞、浆细胞浸润，腺体轻度萎缩，可见肠上皮化生。",
     "（胃窦）慢性萎缩性胃炎伴轻度肠上皮化生，HP（+）", None, "慢性胃炎", "消化内科"),
]
SPECIAL_SPECIMENS = {
    "reproductive": ("宫腔刮出物", "灰红色破碎组织一堆，总体积{a}×2×1cm，其中见绒毛样组织。",
                     "见胎盘绒毛及蜕膜组织，绒毛间质水肿，未见滋养细胞异常增生。",
                     "（宫腔）早期妊娠绒毛及蜕膜组织，符合人工流产术后标本", None),
    "genetic": ("左乳肿物", "灰白肿物一枚，大小{a}×2×2cm，切面灰白质硬，边界不清，呈蟹足状。",
                "癌细胞呈巢团状、条索状浸润性生长，核分裂象易见。",
                "（左乳）浸润性导管癌，Ⅱ级；分子病理：BRCA1基因胚系致病性变异（需遗传咨询）",
                ["ER", "PR", "HER2", "Ki-67", "CK5/6"]),
    "hiv": ("左颈部淋巴结", "灰红色淋巴结一枚，大小{a}×1.5×1cm，切面灰白细腻。",
            "淋巴结结构存在，滤泡增生，滤泡间区见较多浆细胞，未见肉芽肿及肿瘤。",
            "（左颈部淋巴结）淋巴结反应性增生，结合临床HIV感染病史，考虑HIV相关性淋巴结病", ["CD3", "CD20", "CD21", "Ki-67"]),
    "std": ("躯干皮肤", "皮肤组织一块，大小0.{b}×0.4×0.3cm，表面见暗红色丘疹。",
            "表皮银屑病样增生，真皮浅深层血管周围见大量浆细胞浸润，血管内皮肿胀。",
            "（躯干皮肤）符合二期梅毒疹，请结合梅毒血清学检查", None),
}
IHC_RESULTS = ["+", "+", "-", "部分+", "弱+", "野生型", "3+", "2+"]


def _specimen(g, dx):
    """(specimen, gross, microscopy, diagnosis, IHC antibodies, clinical diagnosis, department)."""
    if dx[3] in SPECIAL_SPECIMENS:
        sp = SPECIAL_SPECIMENS[dx[3]] + (dx[0], dx[2])
    else:
        sp = g.pick(SPECIMENS)
        if dx[3]:   # a psychiatric patient's ordinary specimen: the special diagnosis stays on the form
            sp = sp[:5] + (f"{sp[5]}；{dx[0]}", sp[6])
    fill = {"a": g.num(3, 9), "b": g.num(2, 9)}
    return (sp[0], sp[1].format(**fill)) + sp[2:]


@template("medical", "pathology_report", HEALTH)
def pathology_report(g, d):
    """病理诊断报告: gross and microscopic findings, immunohistochemistry, the diagnosis."""
    p = g.patient(16, 85)
    dx = _dx(g)
    specimen, gross, micro, diagnosis, ihc, clinical, dept = _specimen(g, dx)
    d.center(g.hosp["name"], scale=1.25)
    d.title(g.pick(["病理诊断报告书", "病理检查报告单", "外科病理诊断报告"]), scale=1.35)
    d.right("病理号：", ("mrn", f"{g.pick(['P', 'B', 'S'])}{g.year}{g.num(1, 99999):05d}"))
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("科别", dept),
          ("住院号", g.pmrn()), ("床号", f"{g.num(1, 60)}床"),
          ("送检日期", g.d(g.day())), ("送检医师", g.pn())], cols=g.pick([2, 3]))
    d.kv([("送检标本", specimen), ("临床诊断", clinical)], cols=1)
    d.hr(0.6)
    d.heading(g.pick(["肉眼所见：", "大体所见：", "【大体描述】"]))
    d.para(gross)
    d.heading(g.pick(["镜下所见：", "光镜所见：", "【镜下描述】"]))
    d.para(micro)
    if ihc:
        d.heading("免疫组化：")
        if g.chance(0.5):
            d.table(["抗体", "结果", "抗体", "结果"],
                    [[a, g.pick(IHC_RESULTS) if a != "Ki-67" else f"约{g.num(5, 60)}%+",
                      b, g.pick(IHC_RESULTS) if b != "Ki-67" else f"约{g.num(5, 60)}%+"]
                     for a, b in zip(ihc[::2], ihc[1::2])])
        else:
            d.para("，".join(f"{a}（{g.pick(IHC_RESULTS) if a != 'Ki-67' else f'约{g.num(5, 60)}%'}）" for a in ihc) + "。",
                   indent=0)
    d.heading(g.pick(["病理诊断：", "诊断意见：", "【病理诊断】"]))
    d.para(diagnosis + "。", indent=0)
    if g.chance(0.4):
        d.left(g.pick(["注：冰冻切片诊断与石蜡切片诊断一致。", "注：如有疑问请于7日内与病理科联系会诊。",
                       "注：本报告需结合临床，必要时行分子检测。"]), scale=0.9)
    d.sign([["报告医师：", g.pn()], ["审核医师：", g.pn()], g.d(g.day())])


DEATH_CAUSES = ["呼吸循环衰竭", "多器官功能衰竭", "感染性休克", "心源性猝死", "失血性休克", "中枢性呼吸循环衰竭",
                "急性左心衰竭", "恶性心律失常"]


@template("medical", "death_record", HEALTH)
def death_record(g, d):
    """死亡记录: admission, course, the final deterioration and resuscitation, cause of death."""
    p = g.patient(30, 96)
    dx = _dx(g)
    adm = g.day()
    died = g.f.later(adm, 1, 45)
    cause = g.pick(DEATH_CAUSES)
    d.center(g.hosp["name"], scale=1.2)
    d.title(g.pick(["死 亡 记 录", "死亡记录", "死亡病例记录"]))
    d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("科别", dx[2]),
          ("床号", f"{g.num(1, 60)}床"), ("住院号", g.pmrn()), ("入院时间", f"{g.d(adm)} {g.f.time()}"),
          ("死亡时间", f"{g.d(died)} {g.f.time()}"), ("住院天数", f"{(died - adm).days}天")], cols=g.pick([2, 3]))
    c = Clinic(g, dx, p["sex"], p["age"])
    style = _style(g)
    _section(g, d, style, "入院情况", f"患者因“{c.complaint()}”入院。" + c.exam())
    _section(g, d, style, "入院诊断", dx[0])
    _section(g, d, style, "诊疗经过", c.course())
    t0 = g.f.time()
    mins = g.num(20, 60)
    rescue = (f"{died.month}月{died.day}日{t0}患者" + g.pick(["突发意识丧失，呼之不应", "血氧饱和度进行性下降至60%",
                                                            "心率进行性下降，血压测不出", "出现大量呕血，血压下降"])
              + "，心电监护示" + g.pick(["心室颤动", "窦性心动过缓", "心室停搏", "无脉性电活动"])
              + "，立即予胸外心脏按压、" + g.pick(["气管插管接呼吸机辅助通气", "球囊面罩辅助通气"])
              + "，肾上腺素1mg静脉推注（每3～5分钟重复）" + g.pick(["、电除颤200J", "、补液扩容", ""])
              + f"等抢救措施，持续抢救{mins}分钟，患者自主心跳、呼吸未恢复，心电图呈一直线，双侧瞳孔散大固定，"
              + "对光反射消失，宣布临床死亡。" + g.pick(["家属在场，对抢救过程表示理解。", "已向家属交代病情。", ""]))
    _section(g, d, style, g.pick(["病情变化及抢救经过", "抢救经过"]), rescue)
    _section(g, d, style, "死亡原因", cause)
    d.heading("死亡诊断：")
    d.left(f"1. {dx[0]}")
    d.left(f"2. {cause}")
    if g.chance(0.5):
        d.left(f"3. {g.f.diagnosis(False)[0]}")
    d.kv([("尸检", g.pick(["家属拒绝尸检", "家属同意尸检", "未行尸检"])),
          ("死亡医学证明", g.pick(["已开具", "已开具并告知家属"]))], cols=2)
    d.sign([["主治医师：", g.pn()], ["住院医师：", g.pn()], g.d(died)])


QC_DEFECTS = ["首次病程记录未在患者入院8小时内完成", "入院记录现病史描述不全", "上级医师首次查房记录缺少鉴别诊断",
              "手术知情同意书患方签署时间缺失", "术后首次病程记录未及时完成", "会诊记录缺会诊意见执行情况",
              "长期医嘱单停止时间未签名", "出院记录出院医嘱不规范", "输血前未记录输血前评估", "病程记录复制粘贴内容雷同",
              "病案首页主要诊断选择错误", "危急值处置记录缺失", "抗菌药物使用缺少用药指征记录", "三级查房记录不完整"]


@template("medical", "record_qc_audit", {"S2": 2, "S3": 1})
def record_qc_audit(g, d):
    """病历质量检查: a department summary (no patient) or a feedback sheet listing record numbers."""
    checked = g.day()
    if g.level == "S2":
        d.title(f"{checked.year}年{checked.month}月运行病历质量检查情况通报", scale=1.3)
        d.para(f"根据病历书写基本规范和医院病历质量管理办法，质量管理办公室于{g.d(checked)}对全院{g.num(12, 40)}个临床科室"
               f"的运行病历和终末病历进行了抽查，共抽查病历{g.num(180, 900)}份，现将检查情况通报如下：")
        rows = []
        for dept in g.f.sample(["心血管内科", "呼吸与危重症医学科", "消化内科", "神经内科", "普通外科", "骨科", "妇科", "儿科",
                                "泌尿外科", "肿瘤科", "重症医学科", "急诊科"], g.num(5, 10)):
            n = g.num(10, 40)
            a = g.num(n - 6, n)
            rows.append([dept, str(n), str(a), str(n - a), f"{100 * a / n:.1f}%", g.pick(QC_DEFECTS)])
        d.table(["科室", "抽查份数", "甲级", "乙级", "甲级率", "主要问题"], rows, size=0.84)
        d.heading("存在的主要问题")
        for k, t in enumerate(g.f.sample(QC_DEFECTS, g.num(2, 4)), 1):
            d.para(f"{k}. {t}。", indent=0)
        d.para("请各科室对照问题认真整改，科室质控小组每周自查，整改情况纳入科室绩效考核。")
        g.sign_date(d, "质量管理办公室", stamp=g.chance(0.4))
        return
    dept = g.f.dept()
    d.title(g.pick(["病历质量检查反馈单", "终末病历质控缺陷反馈表"]), scale=1.35)
    d.kv([("被检查科室", dept), ("检查日期", g.d(checked)), ("检查方式", g.pick(["科室自查", "院级抽查", "专项检查"]))], cols=3)
    rows = []
    for k in range(1, g.num(4, 12) + 1):
        rows.append([str(k), g.pmrn("病案号"), g.pn(), g.pick(QC_DEFECTS), str(g.pick([1, 2, 2, 3, 5]))])
    d.table(["序号", "病案号", "经治医师", "缺陷内容", "扣分"], rows, size=0.86)
    d.para("请经治医师在3个工作日内完成修改，科室质控医师复核后反馈质量管理办公室。", indent=0)
    d.right("质控员签名：", g.pn(), "  ", g.d(g.day()))


@template("medical", "front_sheet", HEALTH)
def front_sheet(g, d):
    """住院病案首页: the coded front sheet of an inpatient record — identity and contact block,
    admission and discharge, coded diagnoses and operations, and often the cost breakdown."""
    p = g.patient(1, 95)
    dx = _dx(g)
    dept = dx[2]
    adm = g.day()
    los = g.num(2, 30)
    dis = adm + dt.timedelta(days=los)
    d.center(g.hosp["name"], scale=1.1)
    d.title("住 院 病 案 首 页", scale=1.4)
    d.kv([("医疗付费方式", g.pick(["城镇职工基本医疗保险", "城乡居民基本医疗保险", "全自费", "商业医疗保险"])),
          ("住院次数", f"第{g.num(1, 4)}次"), ("病案号", g.pmrn("病案号"))], cols=3)
    pairs = [("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("出生日期", g.pbirth(p["birth"])),
             ("年龄", f"{p['age']}岁"), ("国籍", "中国"), ("民族", g.pick(["汉族", "汉族", "汉族", "回族", "壮族"])),
             ("身份证号", g.pid(p["birth"], p["sex"])),
             ("职业", g.pick(["农民", "工人", "职员", "退（离）休人员", "学生", "无业人员", "个体经营者"])),
             ("婚姻", g.pick(["已婚", "未婚", "丧偶", "离婚"])), ("现住址", g.paddr()), ("电话", g.pphone())]
    if g.chance(0.7):
        pairs += [("联系人姓名", g.pn()), ("关系", g.pick(["配偶", "子", "女", "父", "母"])), ("联系人电话", g.pphone())]
    d.kv(pairs, cols=g.pick([2, 3]))
    d.kv([("入院途径", g.pick(["门诊", "急诊", "其他医疗机构转入"])), ("入院时间", g.d(adm)),
          ("入院科别", dept), ("出院时间", g.d(dis)), ("出院科别", dept), ("实际住院", f"{los}天")], cols=3)
    rows = [["主要诊断", dx[0], dx[1], g.pick(["1", "1", "2"])]]
    for k in range(g.num(0, 3)):
        other = g.f.diagnosis(False)
        rows.append(["其他诊断", other[0], other[1], g.pick(["1", "2", "3"])])
    d.table(["诊断类别", "出院诊断", "疾病编码", "入院病情"], rows, size=0.86)
    if g.chance(0.5):
        op = g.pick(OPERATIONS)
        d.table(["手术日期", "手术名称", "术者", "麻醉方式", "切口愈合"],
                [[g.d(adm + dt.timedelta(days=g.num(0, max(0, los - 1)))), op, g.pn(),
                  g.pick(ANESTHESIA), g.pick(["Ⅰ/甲", "Ⅱ/甲", "Ⅱ/乙"])]], size=0.86)
    d.kv([("离院方式", g.pick(["医嘱离院", "医嘱转院", "非医嘱离院"])),
          ("药物过敏", g.pick(["无", "无", "青霉素", "磺胺类"])), ("血型", g.pick(["A", "B", "O", "AB"])),
          ("科主任", g.pn()), ("主治医师", g.pn()), ("住院医师", g.pn()), ("编码员", g.pn())], cols=3)
    if g.chance(0.7):
        items = [("综合医疗服务费", 300, 3000), ("诊断费", 200, 5000), ("治疗费", 200, 8000),
                 ("西药费", 300, 20000), ("中药费", 0, 2000), ("材料费", 100, 15000)]
        costs = [(name, g.f.money(lo, hi)) for name, lo, hi in items]
        total = sum(v for _, v in costs)
        d.heading(f"住院费用（元）：总费用 {total:.2f}（自付金额 {total * g.pick([0.2, 0.3, 0.45, 1.0]):.2f}）")
        d.para("  ".join(f"{name} {v:.2f}" for name, v in costs), indent=0)
    d.right("填表日期：", g.d(dis + dt.timedelta(days=g.num(1, 7))))


# -- short clinical fragments, prescriptions, temperature charts, nursing handover -------------

from ..clinical import (CHARACTERS, DISCHARGE_ORDERS, NEGATIVES, ONSETS, OUTCOMES,  # noqa: E402
                        ROUND_OPENERS, ROUND_PLANS, ROUND_STATES, SYSTEM_EXAM)
from ..fields import DIAGNOSES, SPECIAL_DEPTS  # noqa: E402


def _frag_admit(g, c, dx, day):
    how = g.pick([f"门诊以“{dx[0]}”收入院。", f"急诊拟“{dx[0]}”收住{dx[2]}。", "门诊拟收入院。",
                  f"以“{dx[0]}”收入我科。", "为进一步诊治收入院。"])
    return g.pick(["主诉：", "主诉：", "【主诉】"]) + c.complaint() + "，" + how


def _frag_history(g, c, dx, day):
    neg = "，".join(g.f.sample(NEGATIVES, g.num(1, 2)))
    head = g.pick(["现病史：", "简要病史：", "病史："])
    if c.symptom.startswith(("体检", "术前", "孕", "停经", "发现", "车祸", "跌倒", "家族", "婚后", "未避孕")) or g.chance(0.4):
        return head + f"患者因“{c.complaint()}”就诊，{neg}，" + g.pick(["未予特殊处理。", "曾在外院治疗，效果欠佳。",
                                                                        "今来我院复诊。"])
    return head + f"患者{c.duration()}前{g.pick(ONSETS)}出现{c.symptom}，{g.pick(CHARACTERS)}，{neg}。"


def _frag_exam(g, c, dx, day):
    return g.pick(["查体：", "体格检查：", "PE："]) + c.vitals() + "，" + c._fill(g.pick(SYSTEM_EXAM)) + "。"


def _frag_aux(g, c, dx, day):
    return g.pick(["辅助检查：", "辅检：", "检查结果回报："]) + c.aux(1)


def _frag_course(g, c, dx, day):
    head = f"{g.d(day)} {g.f.time()} " + g.pick(["日常病程记录", "病程记录", "查房记录", "夜班记录"]) + "："
    return (head + g.pick(ROUND_OPENERS) + c._fill(g.pick(ROUND_STATES)) + "，"
            + c._fill(g.pick(ROUND_PLANS)) + "。")


def _frag_meds(g, c, dx, day):
    drugs = _take_home(g, g.num(1, 3), dx)
    items = [f"{dr[0]} {dr[1]}×{g.num(1, 4)}盒 {dr[2]}" for dr in drugs]
    return g.pick(["出院带药：", "带药：", "出院医嘱：带药"]) + "；".join(items) + "。"


def _frag_consult(g, c, dx, day):
    return (g.pick(["会诊意见：", "会诊医师意见："]) + g.pick([f"同意{dx[0]}诊断", f"考虑{dx[0]}", "诊断基本明确"])
            + "，建议" + c._fill(g.pick(DISCHARGE_ORDERS)) + "，" + g.pick(["必要时再联系。", "随诊。", "请结合临床。"]))


def _frag_obs(g, c, dx, day):
    return (f"急诊留观{g.num(2, 48)}小时，{g.pick(OUTCOMES)}，生命体征平稳，"
            + g.pick(["予离院，嘱门诊随诊。", f"转入{dx[2]}继续治疗。", "家属要求离院，已告知风险并签字。",
                      "收入院。"]))


def _frag_preop(g, c, dx, day):
    op = next((o for o, pre in SURGERIES if pre == dx[0]), None) or g.pick(OPERATIONS)
    return (f"术前小结：拟于{g.d(g.f.later(day, 1, 3))}在{g.pick(ANESTHESIA)}下行{op}，"
            + g.pick(["术前准备已完善，已签署手术知情同意书。", "无绝对手术禁忌，术前禁食水。", "已备血，术区备皮。"]))


def _frag_dx(g, c, dx, day):
    return g.pick(["诊断：", "初步诊断：", "入院诊断：", "出院诊断：", "印象："]) + dx[0]


# kind of excerpt -> (titles, lines always present, optional lines)
BRIEF_KINDS = {
    "admission": (["入院记录（摘录）", "住院病历（摘录）", "首次病程记录（节选）"], [_frag_admit],
                  [_frag_history, _frag_exam, _frag_aux]),
    "outpatient": (["门诊病历（复诊）", "门诊记录", "门诊病历"], [_frag_dx], [_frag_history, _frag_exam, _frag_aux, _frag_meds]),
    "course": (["病程记录", "病程记录（续）", "日常病程记录"], [_frag_course], [_frag_course, _frag_aux, _frag_dx]),
    "observation": (["急诊留观记录", "急诊病历"], [_frag_obs], [_frag_admit, _frag_exam, _frag_dx]),
    "consult": (["会诊记录（摘录）", "会诊意见"], [_frag_consult], [_frag_exam, _frag_aux]),
    "discharge": (["出院带药医嘱", "出院医嘱"], [_frag_meds], [_frag_dx]),
    "preop": (["术前小结（摘录）", "术前记录"], [_frag_preop], [_frag_dx, _frag_exam]),
}


def _patient_for(g, dx):
    """A patient whose age and sex fit the diagnosis and its department."""
    name, dept = dx[0], dx[2]
    lo, hi = 16, 90
    sex = g.f.sex()
    if dept == "新生儿科":
        lo, hi = 0, 0
    elif dept == "儿科" or "小儿" in name or "手足口" in name:
        lo, hi = 1, 12
    elif dept in ("产科", "妇科", "生殖医学中心") or any(w in name for w in ("乳腺", "子宫", "卵巢", "妊娠", "流产",
                                                                              "女性", "唐氏", "BRCA")):
        lo, hi, sex = 18, 72 if dept == "妇科" else 45, "女"
    if any(w in name for w in ("前列腺", "男性")):
        lo, hi, sex = (50, 90, "男") if "前列腺" in name else (22, 50, "男")
    elif any(w in name for w in ("帕金森", "白内障", "骨质疏松", "股骨颈", "老年")) or dept == "老年医学科":
        lo, hi = 55, 95
    birth = g.f.birth(lo, hi, g.year)
    return {"name": g.f.name(), "sex": sex, "birth": birth, "age": max(0, g.year - birth.year),
            "id": g.f.cn_id(birth, sex)}


def _age(g, p):
    return f"{p['age']}岁" if p["age"] else f"{g.num(1, 27)}天"


@template("medical", "brief_note", HEALTH)
def brief_note(g, d):
    """Short clinical fragments: one to four lines of a record (a chief complaint with 收入院, a
    one-line history, a brief finding, a short course note, discharge medication) under a one-line
    identity, as they turn up on loose sheets, scanned half pages and record excerpts."""
    d.short = True   # a hint for enrich(): these documents are meant to stay short
    dx = _dx(g)
    p = _patient_for(g, dx)
    c = Clinic(g, dx, p["sex"], p["age"])
    day = g.day()
    surgical = any(w in dx[2] for w in ("外科", "骨科", "妇科", "眼科", "耳鼻", "泌尿"))
    kinds = [k for k in BRIEF_KINDS if k != "preop" or (surgical and not dx[3])]
    titles, must, optional = BRIEF_KINDS[g.pick(kinds)]
    n_opt = g.rng.choices([0, 1, 2, 3], [5, 4, 2, 1])[0]
    frags = list(must) + g.f.sample(optional, min(n_opt, len(optional)))
    lines = [fn(g, c, dx, day) for fn in frags]
    if g.restricted and not any(dx[0] in line for line in lines):   # special-category notes name the diagnosis
        lines.append(_frag_dx(g, c, dx, day))
    mrn_kind = g.pick(["住院号", "门诊号", "病案号", "ID号"])
    ident = g.pick(["header", "line", "line", "kv", "inline"])
    if g.chance(0.4):
        d.left(g.pick(titles), bold=True)
    if ident == "header":
        d.page_header = [g.hosp["name"] + "  " + g.pick(["姓名：", "患者："]), g.pn(p["name"]), f"  {mrn_kind}：",
                         g.pmrn(mrn_kind)]
    elif ident == "line":
        d.left(g.pick(["姓名：", "患者："]), g.pn(p["name"]), f"  {p['sex']}  {_age(g, p)}  {mrn_kind}：",
               g.pmrn(mrn_kind))
    elif ident == "kv":
        d.kv([("姓名", g.pn(p["name"])), ("性别", p["sex"]), ("年龄", _age(g, p)), (mrn_kind, g.pmrn(mrn_kind))],
             cols=4)
    else:   # the name opens the first fragment
        lines[0] = [g.pn(p["name"]), f"，{p['sex']}，{_age(g, p)}，" + lines[0]]
    indent = g.pick([0, 0, 2])
    for line in lines:
        d.para(*line if isinstance(line, list) else [line], indent=indent)
    if g.chance(0.5):
        d.right(g.pick(["医师：", "医师签名：", "记录者："]), g.pn())


ORAL = ("片", "胶囊", "散", "口服", "吸入", "气雾剂")


def _take_home(g, k, dx, oral=True):
    """k drugs plausible for the diagnosis; tablets and capsules only for take-home use (the first
    one is the special-category drug when the diagnosis has one)."""
    drugs = g.f.drugs(k + 6, dx[3], dx[2])
    first, rest = drugs[0], drugs[1:]
    if oral:
        rest = [x for x in rest if any(w in x[0] for w in ORAL)]
    out = [first] + rest if (not oral or dx[3] or any(w in first[0] for w in ORAL)) else rest
    return out[:k] or drugs[:1]


RX_NOTES = ["处方当日有效，特殊情况下需延长有效期的，由开具处方的医师注明，但最长不超过3天。",
            "请核对药品名称、规格、数量，离开窗口后概不退换。", "取药时请出示就诊卡。", "药品用法用量请遵医嘱。"]


@template("medical", "prescription", HEALTH)
def prescription(g, d):
    """处方笺: the prescription form — type corner (普通/急诊/儿科/精二/免费抗病毒), patient block,
    Rp. lines, prescriber and pharmacist sign-off, amount."""
    dx = _dx(g)
    p = _patient_for(g, dx)
    sp = dx[3]
    dept = dx[2]
    day = g.day()
    if sp == "psychiatric":
        kind = g.pick(["精二", "精神药品处方", "普通"])
    elif sp == "hiv":
        kind = g.pick(["免费抗病毒治疗药品处方", "普通"])
    elif sp == "reproductive":
        kind = g.pick(["普通", "专用处方"])
    elif p["age"] < 14:
        kind = "儿科"
    else:
        kind = g.pick(["普通", "普通", "急诊"])
    d.right(f"【{kind}】" if g.chance(0.6) else kind)
    d.title(g.hosp["name"], scale=1.25)
    d.subtitle(g.pick(["处 方 笺", "处方笺", "门诊处方笺", "处方"]))
    d.right(f"No.{g.num(10 ** 7, 10 ** 8 - 1)}")
    pairs = [("费别", g.pick(["城镇职工医保", "城乡居民医保", "自费", "公费", "新农合"])),
             (g.pick(["门诊号", "就诊卡号", "住院号"]), None), ("科别", dept), ("姓名", g.pn(p["name"])),
             ("性别", p["sex"]), ("年龄", _age(g, p)),
             ("开具日期", g.d(day))]
    kind_mrn = pairs[1][0]
    pairs[1] = (kind_mrn, g.pmrn(kind_mrn))
    if kind != "普通" and kind != "急诊" and kind != "儿科" or g.chance(0.15):
        pairs.append(("身份证号", g.pid(p["birth"], p["sex"])))
    if g.chance(0.3):
        pairs.append(("医保卡号", g.pins()))
    if g.chance(0.3):
        pairs.append(("联系电话", g.pphone(True)))
    d.kv(pairs, cols=g.pick([2, 3]))
    d.kv([("临床诊断", dx[0] + (f"（{dx[1]}）" if g.chance(0.3) else ""))], cols=1)
    d.hr(0.8)
    drugs = _take_home(g, g.num(1, 5), dx)
    total = 0.0
    if g.chance(0.6):
        d.left("Rp.", bold=True)
        for k, dr in enumerate(drugs, 1):
            qty = g.num(1, 6)
            total += qty * g.f.money(3, 180)
            d.left(f"{k}. {dr[0]}  {dr[1]} × {qty}{g.pick(['盒', '盒', '瓶', '支'] if 'ml' in dr[1] else ['盒'])}")
            d.left(f"    {g.pick(['用法：', 'Sig：', '用法用量：'])}{dr[2]}")
    else:
        rows = []
        for dr in drugs:
            qty = g.num(1, 6)
            total += qty * g.f.money(3, 180)
            rows.append([dr[0], dr[1], f"{qty}", dr[2]])
        d.table(["药品名称", "规格", "数量", "用法用量"], rows, size=0.88)
    if sp == "psychiatric" and g.chance(0.6):
        d.left("（精神药品处方，不超过7日常用量；代办人须出示身份证件）", scale=0.88)
    if sp == "hiv":
        d.left(g.pick(["（国家免费抗病毒治疗药品，按月领取，须本人或指定代领人签字）",
                       "备注：服药依从性教育已完成，下次随访检测CD4及病毒载量。"]), scale=0.88)
    d.left("以下空白", scale=0.85)
    d.hr(0.6)
    d.kv([("医师", g.pn()), ("审核药师", g.pn()), ("调配药师", g.pn()), ("核对/发药", g.pn()),
          ("药品金额", f"{total:.2f}元")], cols=g.pick([3, 5]))
    if g.chance(0.5):
        d.left(g.pick(RX_NOTES), scale=0.85)


ISOLATION = {"hiv": ["血液-体液隔离", "HIV阳性 标准预防+血源性隔离"], "std": ["接触隔离（梅毒）", "血液-体液隔离"],
             "psychiatric": ["防自伤 防走失 防冲动", "封闭病区 一级观察"], "genetic": ["遗传咨询随访"],
             "reproductive": ["术后观察阴道流血", "取卵术后观察"]}


@template("medical", "temperature_chart", HEALTH)
def temperature_chart(g, d):
    """体温单: one week of a patient's vital signs — days as columns, readings, intake/output, stools,
    weight and the event row (入院, 手术, 出院)."""
    dx = _dx(g)
    p = _patient_for(g, dx)
    adm = g.day()
    week = g.rng.choices([1, 2, 3], [5, 2, 1])[0]
    start = adm + dt.timedelta(days=7 * (week - 1))
    ndays = g.num(3, 7)
    days = [start + dt.timedelta(days=k) for k in range(ndays)]
    surgical = any(w in dx[2] for w in ("外科", "骨科", "妇科", "眼科", "耳鼻", "泌尿"))
    op = None if dx[3] or not surgical or g.chance(0.4) else g.num(0, ndays - 1)
    feverish = g.chance(0.4)
    if g.chance(0.5):
        d.title(g.hosp["name"] + " 体温单", scale=1.3)
    else:
        d.center(g.hosp["name"], scale=1.15)
        d.title(g.pick(["体 温 单", "体温单"]), scale=1.35)
    pairs = [("姓名", g.pn(p["name"])), ("年龄", _age(g, p)), ("性别", p["sex"]), ("科别", dx[2]),
             ("床号", f"{g.num(1, 60)}"), ("入院日期", g.d(adm)), (g.pick(["住院号", "病案号"]), g.pmrn())]
    if g.restricted or g.chance(0.4):
        pairs.append(("诊断", dx[0]))
    if dx[3] and g.chance(0.7):
        pairs.append(("护理标识", g.pick(ISOLATION[dx[3]])))
    d.kv(pairs, cols=g.pick([3, 4]))
    header = ["日期"] + [days[0].isoformat() if k == 0 else f"{x.month:02d}-{x.day:02d}" for k, x in enumerate(days)]
    rows = [["住院日数"] + [str(7 * (week - 1) + k + 1) for k in range(ndays)]]
    if op is not None:
        rows.append(["手术后日数"] + ["" if k < op else ("手术" if k == op else str(k - op)) for k in range(ndays)])
    for hour in g.pick([["6时", "14时"], ["2时", "6时", "10时", "14时", "18时", "22时"], ["8时", "16时"]]):
        row = [f"体温(℃) {hour}"]
        for k in range(ndays):
            hot = feverish and k < ndays // 2 + 1
            t = g.num(373, 392) if hot and g.chance(0.7) else g.num(360, 372)
            row.append("" if len(row) > 1 and g.chance(0.08) else f"{t / 10:.1f}")
        rows.append(row)
    rows.append(["脉搏(次/分)"] + [str(g.num(62, 112)) for _ in days])
    rows.append(["呼吸(次/分)"] + [str(g.num(14, 26)) for _ in days])
    rows.append(["血压(mmHg)"] + [f"{g.num(98, 168)}/{g.num(58, 98)}" if g.chance(0.8) else "" for _ in days])
    if g.chance(0.6):
        rows.append(["入量(ml)"] + [str(g.num(8, 32) * 100) for _ in days])
        rows.append([g.pick(["出量(ml)", "尿量(ml)"])] + [str(g.num(6, 28) * 100) for _ in days])
    rows.append(["大便(次)"] + [g.pick(["0", "1", "1", "2", "1/E", "☆"]) for _ in days])
    rows.append(["体重(kg)"] + [f"{g.num(42, 95) if p['age'] > 14 else g.num(4, 40)}" if k == 0 else
                                g.pick(["", "卧床"]) for k in range(ndays)])
    events = ["" for _ in days]
    def hhmm(lo, hi):
        return f"{g.num(lo, hi):02d}:{g.num(0, 59):02d}"
    if week == 1:
        events[0] = f"入院 {hhmm(0, 23)}"
    if op is not None:
        events[op] = (events[op] + " " if events[op] else "") + f"手术 {hhmm(8, 16)}"
    if g.chance(0.3) and (op is None or op < ndays - 2):
        events[-1] = f"出院 {hhmm(9, 16)}"
    if any(events):
        rows.append(["事件"] + events)
    d.table(header, rows, size=0.8)
    d.kv([("过敏药物", g.pick(["无", "无", "青霉素", "头孢类", "磺胺类"])), ("周次", f"第{week}周")], cols=2)


HANDOVER_NOTES = ["新入院", "术后第{n}天", "病危", "病重", "明日手术", "今日出院", "特殊治疗", "重点观察"]


@template("medical", "shift_handover", HEALTH)
def shift_handover(g, d):
    """病区护士交班报告: the ward's patient movement for a shift and a few patients handed over with
    their diagnosis and what the next shift must watch."""
    dx0 = _dx(g)
    ward = dx0[2]
    same_group = dx0[3] if ward in SPECIAL_DEPTS else None
    day = g.day()
    shift, hours = g.pick([("白班", "08:00—17:30"), ("小夜班", "17:30—01:00"), ("大夜班", "01:00—08:00"),
                           ("日班", "08:00—16:00"), ("夜班", "16:00—08:00")])
    surgical = any(w in ward for w in ("外科", "骨科", "妇科", "产科", "眼科", "耳鼻", "口腔", "泌尿", "烧伤", "介入"))
    tags = HANDOVER_NOTES if surgical else [t for t in HANDOVER_NOTES if "手术" not in t and "术后" not in t]
    d.title(g.pick(["护士交班报告", "病区交接班报告", "病房护理交班记录", "护理交接班本"]), scale=1.35)
    d.kv([("病区", ward), ("日期", g.d(day)), ("班次", shift),
          ("时间", hours)], cols=g.pick([2, 4]))
    total = g.num(24, 60)
    moves = {"入院": g.num(0, 6), "出院": g.num(0, 8), "转入": g.num(0, 2), "转出": g.num(0, 2),
             "手术": g.num(0, 5), "病危": g.num(0, 3), "病重": g.num(0, 5), "死亡": g.pick([0, 0, 0, 0, 1])}
    now = total + moves["入院"] + moves["转入"] - moves["出院"] - moves["转出"] - moves["死亡"]
    if g.chance(0.6):
        d.table(["原有"] + list(moves) + ["现有"], [[str(total)] + [str(v) for v in moves.values()] + [str(now)]],
                size=0.86)
    else:
        d.para(f"原有患者{total}人，" + "，".join(f"{k}{v}人" for k, v in moves.items() if v) + f"，现有{now}人。",
               indent=0)
    rows, paras = [], []
    beds = sorted(g.f.sample(range(1, 61), g.num(3, 8)))
    for k, bed in enumerate(beds):
        if k == 0:
            dx = dx0
        elif same_group:
            dx = g.f.diagnosis(same_group)
        else:
            local = [x for x in DIAGNOSES if x[2] == ward and not x[3]]
            other = [x for x in DIAGNOSES if not x[3] and x[2] not in ("新生儿科", "儿科", "产科")]
            dx = g.pick(local) if local and g.chance(0.9) else g.pick(other)
        p = _patient_for(g, dx)
        c = Clinic(g, dx, p["sex"], p["age"])
        op = next((o for o, pre in SURGERIES if pre == dx[0]), None) or g.pick(OPERATIONS)
        tag = g.pick(tags if dx[2] == ward else ["病危", "病重", "特殊治疗", "重点观察"]).format(n=g.num(1, 6))
        if tag == "新入院":
            note = f"因“{c.complaint()}”于{g.f.time()}入院，{c.vitals()}，已行入院宣教。"
        elif tag.startswith("术后"):
            note = (f"{op}后，切口敷料{g.pick(['干燥', '少量渗血', '干燥无渗出'])}，"
                    f"{g.pick(['引流管通畅', '留置导尿通畅', '已拔除引流管'])}，{g.pick(['疼痛评分2分', '疼痛评分3分', '无明显疼痛'])}。")
        elif tag in ("病危", "病重"):
            note = (f"{c.vitals()}，{g.pick(['心电监护中', '持续低流量吸氧', '予高流量吸氧'])}，"
                    f"{g.pick(['记24小时出入量', '每小时巡视', '注意意识变化', '注意血氧变化'])}。")
        elif tag == "明日手术":
            note = f"拟明日行{op}，已备皮、配血，{g.pick(['晚22时后禁食水', '术前宣教已完成'])}。"
        elif tag == "今日出院":
            note = "已办理出院手续，出院指导已完成。"
        else:
            note = c._fill(g.pick(ROUND_STATES)) + "，" + g.pick(["遵医嘱用药", "注意观察病情变化", "加强巡视",
                                                                "监测血糖"]) + "。"
        if dx[3] == "psychiatric" and g.chance(0.5):
            note += g.pick(["有消极言语，床旁专人看护。", "拒药，需看服到口。", "夜间兴奋，必要时约束保护。"])
        elif dx[3] == "hiv" and g.chance(0.5):
            note += g.pick(["按时服用抗病毒药物，注意血液体液防护。", "CD4计数低，注意预防机会性感染。"])
        rows.append([f"{bed}", g.pn(p["name"]), dx[0], f"【{tag}】{note}"])
        paras.append([f"{bed}床 ", g.pn(p["name"]), f"，{p['sex']}，{_age(g, p)}，{dx[0]}。{tag}：{note}"])
    if g.chance(0.5):
        d.table(["床号", "姓名", "诊断", "病情及交班内容"], rows, size=0.84)
    else:
        d.heading(g.pick(["交班内容：", "重点患者交班："]))
        for segs in paras:
            d.para(*segs, indent=0)
    d.kv([("交班者", g.pn()), ("接班者", g.pn())], cols=2)
