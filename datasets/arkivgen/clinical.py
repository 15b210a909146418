"""Free clinical prose: 主诉, 现病史, 既往史, 体格检查, 辅助检查, 诊疗经过, 出院情况 and progress notes.

Every medical template draws its running text from here, so the documents of the category share
one broad clinical vocabulary (symptoms, signs, examinations, treatments, procedures) whatever
their layout. Sentences are assembled from phrase patterns whose slots are filled from the pools
below; the pools were written for arkivgen. Nothing here names a person: identities are added by
the templates as PII segments.
"""

# (symptom as said in a 主诉, body system)
SYMPTOMS = [
    ("发热", "resp"), ("咳嗽、咳痰", "resp"), ("咳嗽、咳白色黏痰", "resp"), ("胸闷、气短", "resp"),
    ("活动后气促", "resp"), ("咯血", "resp"), ("喘息", "resp"), ("咽痛", "resp"),
    ("胸痛", "cardio"), ("心悸", "cardio"), ("胸骨后闷痛", "cardio"), ("双下肢水肿", "cardio"),
    ("夜间阵发性呼吸困难", "cardio"), ("头晕", "neuro"), ("头痛", "neuro"), ("肢体麻木", "neuro"),
    ("言语不清", "neuro"), ("右侧肢体无力", "neuro"), ("左侧肢体活动不利", "neuro"), ("意识不清", "neuro"),
    ("抽搐", "neuro"), ("视物旋转", "neuro"), ("上腹部隐痛", "gi"), ("右下腹痛", "gi"), ("腹胀", "gi"),
    ("腹泻", "gi"), ("恶心、呕吐", "gi"), ("黑便", "gi"), ("呕血", "gi"), ("反酸、烧心", "gi"),
    ("皮肤巩膜黄染", "gi"), ("右上腹痛", "gi"), ("便血", "gi"), ("吞咽哽噎感", "gi"),
    ("尿频、尿急、尿痛", "uro"), ("肉眼血尿", "uro"), ("排尿困难", "uro"), ("腰痛", "uro"),
    ("泡沫尿", "uro"), ("多饮、多尿", "endo"), ("口干、乏力", "endo"), ("体重下降", "endo"),
    ("颈部肿物", "endo"), ("怕热、多汗", "endo"), ("关节肿痛", "ortho"), ("腰腿痛", "ortho"),
    ("右髋部摔伤后疼痛、活动受限", "ortho"), ("左膝关节疼痛", "ortho"), ("外伤致右腕部肿痛", "ortho"),
    ("颈肩部疼痛伴上肢麻木", "ortho"), ("车祸致全身多处疼痛", "ortho"), ("左踝扭伤后肿痛", "ortho"),
    ("阴道不规则流血", "gyn"), ("下腹痛", "gyn"), ("停经后腹痛", "gyn"), ("乳房肿块", "gyn"),
    ("皮疹伴瘙痒", "skin"), ("视力下降", "eye"), ("耳鸣、听力下降", "ent"), ("鼻塞、流涕", "ent"),
    ("乏力、纳差", "general"), ("消瘦", "general"), ("反复口腔溃疡", "general"), ("面色苍白", "general"),
]
ONSETS = ["无明显诱因", "受凉后", "劳累后", "进食油腻食物后", "饮酒后", "活动后", "情绪激动后", "夜间睡眠中",
          "不慎摔倒后", "晨起时", "感冒后", "久坐后", "进食生冷食物后", "搬重物后"]
CHARACTERS = ["呈阵发性", "呈持续性", "呈间断性", "逐渐加重", "时轻时重", "休息后可稍缓解", "与体位改变有关",
              "夜间明显", "活动后加重", "程度较剧", "可自行缓解"]
NEGATIVES = ["无畏寒、寒战", "无咳嗽、咳痰", "无恶心、呕吐", "无胸痛、胸闷", "无腹痛、腹泻", "无尿频、尿急",
             "无头痛、头晕", "无心悸、气短", "无意识障碍", "无肢体抽搐", "无黑便", "无盗汗", "无反酸、嗳气",
             "无皮疹", "无关节疼痛", "无呼吸困难", "无大汗淋漓", "无发热"]
PRIOR_CARE = [
    "未予重视及诊治", "自行口服药物（具体不详），症状无明显缓解", "曾就诊于当地卫生院，予输液治疗（具体用药不详），效果欠佳",
    "于当地医院查{exam}示{finding}，予对症治疗后症状稍缓解", "曾在我院门诊就诊，予{drug}口服，症状反复",
    "就诊于社区医院，建议上级医院进一步诊治", "经急诊予吸氧、补液、止痛等处理后收入院",
]
ADMIT = ["为求进一步诊治来我院，门诊以“{dx}”收入{dept}", "今为进一步治疗就诊于我院，门诊以“{dx}”收住院",
         "急诊以“{dx}”收入我科", "遂来我院就诊，门诊拟“{dx}”收入院", "为求系统治疗入住我科"]
GENERAL = ["自发病以来，患者神志清，精神{a}，饮食{b}，睡眠{c}，大小便{d}，体重{e}。",
           "患病以来，饮食{b}，睡眠{c}，二便{d}，体重{e}。",
           "病程中，患者精神{a}，食欲{b}，夜眠{c}，大便{d}，小便正常，近期体重{e}。"]
GENERAL_SLOTS = {"a": ["可", "差", "欠佳", "一般"], "b": ["可", "欠佳", "差", "尚可", "减退"],
                 "c": ["可", "差", "一般", "欠佳"], "d": ["正常", "如常", "无异常", "未见异常"],
                 "e": ["无明显变化", "无明显增减", "减轻约3kg", "下降约5kg", "未见明显改变"]}
PAST = [
    "既往体健", "平素身体健康状况{h}", "有高血压病史{n}年，最高血压{bp}mmHg，规律口服降压药，血压控制{ctl}",
    "有2型糖尿病病史{n}年，皮下注射胰岛素治疗，血糖控制{ctl}", "有冠心病病史{n}年，长期口服阿司匹林",
    "{n}年前因“急性阑尾炎”行阑尾切除术", "有慢性支气管炎病史{n}余年", "有脑梗死病史{n}年，遗留轻度言语不清",
    "有慢性胃炎病史多年", "有痛风病史{n}年，间断服药",
]
PAST_NEG = ["否认肝炎、结核等传染病史", "否认手术、外伤史", "否认输血史", "否认药物及食物过敏史",
            "有青霉素过敏史", "否认冠心病、糖尿病病史", "预防接种史随当地", "否认重大外伤史",
            "有磺胺类药物过敏史", "否认高血压病史"]
PERSONAL = ["生于原籍，无外地久居史，无疫区接触史", "吸烟{n}余年，每日约{k}支，未戒烟", "无吸烟、饮酒嗜好",
            "饮酒{n}余年，每日约白酒2两", "长期从事体力劳动", "无毒物及放射性物质接触史"]
FAMILY = ["父母体健", "父亲患高血压，母亲体健", "家族中无类似疾病患者", "否认家族性疾病史",
          "母亲患糖尿病", "兄弟姐妹体健"]
MARRIAGE = ["适龄婚育，配偶及子女体健", "已婚，育有1子1女，均体健", "未婚未育", "已婚，育有1女"]
VITALS = "T{t}℃，P{p}次/分，R{r}次/分，BP{s}/{dia}mmHg"
GENERAL_EXAM = ["发育正常，营养中等，神志清楚，自主体位，查体合作", "神志清，精神可，步入病房，查体合作",
                "急性病容，神志清楚，被动体位，查体欠合作", "慢性病容，营养较差，神志清，对答切题",
                "发育正常，营养良好，平车推入病房，查体合作"]
SYSTEM_EXAM = [
    "全身皮肤黏膜无黄染及出血点，浅表淋巴结未触及肿大", "头颅无畸形，双侧瞳孔等大等圆，对光反射灵敏",
    "颈软，无抵抗，气管居中，甲状腺未触及肿大", "胸廓对称，双肺呼吸音清，未闻及干湿性啰音",
    "双肺呼吸音粗，双肺底可闻及少量湿啰音", "右下肺呼吸音减低，可闻及湿啰音",
    "心前区无隆起，心率{p}次/分，律齐，各瓣膜听诊区未闻及病理性杂音", "心率{p}次/分，心律绝对不齐，第一心音强弱不等",
    "腹平软，无压痛及反跳痛，肝脾肋下未触及，移动性浊音阴性，肠鸣音正常",
    "腹软，右下腹麦氏点压痛（+），反跳痛（+），未触及包块", "上腹部轻压痛，无反跳痛，墨菲征阴性",
    "双肾区无叩击痛", "脊柱四肢无畸形，双下肢无水肿", "双下肢轻度凹陷性水肿",
    "生理反射存在，病理反射未引出", "右侧肢体肌力4级，左侧肌力5级，右侧巴氏征阳性",
]
SPECIALIST = [
    "右髋部肿胀，局部压痛明显，右下肢短缩、外旋畸形，纵向叩击痛阳性，髋关节活动受限，足背动脉搏动可触及",
    "左膝关节轻度肿胀，内侧关节间隙压痛，浮髌试验阴性，活动度尚可", "右腕部肿胀，桡骨远端压痛，可触及骨擦感，手指末梢血运良好",
    "腰椎生理曲度变直，L4/5棘突旁压痛，直腿抬高试验左侧40°阳性", "甲状腺右叶可触及一结节，质韧，随吞咽上下活动",
    "左乳外上象限可触及一肿块，质硬，边界不清，活动度差", "外阴发育正常，阴道通畅，宫颈光滑，子宫前位，大小正常",
    "右眼视力0.3，晶状体混浊", "咽部充血，双侧扁桃体Ⅱ度肿大",
]
EXAMS = [
    ("血常规", "白细胞{wbc}×10^9/L，中性粒细胞百分比{neu}%，血红蛋白{hb}g/L，血小板{plt}×10^9/L"),
    ("肝功能", "谷丙转氨酶{alt}U/L，谷草转氨酶{ast}U/L，总胆红素{tb}μmol/L"),
    ("肾功能", "肌酐{cr}μmol/L，尿素氮{bun}mmol/L"), ("电解质", "血钾{kal}mmol/L，血钠{na}mmol/L"),
    ("血糖", "空腹血糖{glu}mmol/L，糖化血红蛋白{a1c}%"), ("C反应蛋白", "{crp}mg/L"),
    ("心电图", "窦性心律，ST-T改变"), ("心电图", "心房颤动，心室率约{p}次/分"), ("心电图", "窦性心律，大致正常心电图"),
    ("胸部CT", "右肺下叶斑片状高密度影，考虑炎症"), ("胸部CT", "双肺散在小结节，建议随访"),
    ("头颅CT", "左侧基底节区低密度灶"), ("头颅MRI", "右侧放射冠区急性腔隙性梗死灶"),
    ("腹部彩超", "胆囊多发结石，胆囊壁毛糙"), ("腹部彩超", "脂肪肝，肝内胆管未见扩张"),
    ("髋关节X线", "右侧股骨颈骨折，断端错位"), ("腰椎MRI", "L4/5椎间盘突出"),
    ("心脏彩超", "左室舒张功能减低，射血分数{ef}%"), ("尿常规", "白细胞（++），隐血（+）"),
    ("胃镜", "慢性非萎缩性胃炎伴糜烂"), ("凝血功能", "未见明显异常"), ("甲状腺彩超", "甲状腺右叶结节，TI-RADS 3类"),
    ("肺功能", "中度阻塞性通气功能障碍"), ("腹部CT", "阑尾增粗，周围脂肪间隙模糊"),
]
EXAM_NUMS = {"wbc": (35, 185, 10), "neu": (450, 920, 10), "hb": (78, 165, 1), "plt": (85, 420, 1),
             "alt": (8, 160, 1), "ast": (10, 140, 1), "tb": (50, 420, 10), "cr": (45, 380, 1),
             "bun": (25, 210, 10), "kal": (30, 55, 10), "na": (128, 146, 1), "glu": (45, 185, 10),
             "a1c": (52, 118, 10), "crp": (2, 120, 1), "p": (58, 128, 1), "ef": (35, 68, 1)}
TREATMENTS = ["抗感染", "化痰、平喘", "降压", "降糖", "调脂稳斑", "抗血小板聚集", "改善循环", "营养神经",
              "护胃", "止痛", "补液、维持水电解质平衡", "利尿", "控制心室率", "抗凝", "解痉", "营养支持",
              "雾化吸入", "吸氧", "保肝", "退热"]
OPERATIONS = ["腹腔镜下阑尾切除术", "腹腔镜下胆囊切除术", "人工股骨头置换术", "经皮冠状动脉介入治疗",
              "甲状腺腺叶切除术", "腹股沟疝无张力修补术", "经尿道前列腺电切术", "桡骨远端骨折切开复位内固定术",
              "腰椎间盘切除椎间融合内固定术", "白内障超声乳化摘除术", "胃镜下止血术", "结肠息肉内镜下切除术",
              "全膝关节置换术", "乳腺肿物切除术"]
ANESTHESIA = ["全身麻醉", "腰硬联合麻醉", "神经阻滞麻醉", "局部麻醉", "静脉麻醉"]
OUTCOMES = ["症状明显好转", "症状较前缓解", "体温恢复正常", "胸闷气短明显减轻", "疼痛较前减轻", "肢体肌力较前恢复",
            "复查各项指标较前好转", "切口愈合良好", "血压控制平稳", "血糖控制可"]
DISCHARGE_STATE = [
    "患者一般情况良好，无发热，{o}，饮食睡眠可，二便正常", "患者神志清，精神可，{o}，生命体征平稳",
    "患者{o}，查体：切口愈合良好，无红肿及渗出，已拆线", "患者病情平稳，{o}，准予出院",
]
DISCHARGE_ORDERS = [
    "注意休息，避免劳累", "低盐低脂饮食", "糖尿病饮食，监测血糖", "继续口服{drug}，不可自行停药",
    "{w}周后门诊复查{exam}", "定期监测血压", "如有不适及时就诊", "出院后{w}周拆线", "避免负重，逐步功能锻炼",
    "戒烟限酒", "门诊随访",
]
ROUND_OPENERS = ["今日查房，患者诉", "患者今日", "查房见患者", "上级医师查房，患者", "患者一般情况可，诉"]
ROUND_STATES = ["症状较前好转", "夜间睡眠欠佳", "仍有轻度{s}", "无发热，饮食可", "精神状态较前改善", "咳嗽较前减轻",
                "切口疼痛较前缓解", "无明显不适", "大便已解", "活动后仍感乏力"]
ROUND_PLANS = ["继续目前治疗方案", "密切观察病情变化", "调整用药剂量", "拟明日复查{exam}", "请相关科室会诊协助诊治",
               "加强营养支持", "嘱患者适当下床活动", "完善术前准备，拟择期手术", "今日停用静脉用药，改口服治疗",
               "予换药一次，切口无渗出"]
SUPERIOR = ["上级医师查房后指示：", "主任医师查房分析病情：", "主治医师查房意见：", "副主任医师查房后指出："]
ANALYSIS = ["患者{dx}诊断明确，目前治疗有效，继续当前治疗", "结合病史、查体及辅助检查，{dx}诊断成立，需与{diff}相鉴别",
            "患者病情稳定，可考虑下一步治疗方案", "注意监测生命体征及出入量，警惕并发症发生",
            "患者高龄，基础疾病多，手术风险较大，需充分术前评估", "根据检查结果调整治疗方案"]
DIFFERENTIALS = ["急性冠脉综合征", "肺结核", "支气管扩张", "消化性溃疡", "急性胰腺炎", "泌尿系结石", "脑出血",
                 "颈椎病", "骨质疏松性骨折", "甲状腺功能亢进症", "肺栓塞", "主动脉夹层"]
UNITS = ["天", "天", "周", "月", "年", "小时", "余天", "月余", "年余"]


class Clinic:
    """Clinical narrative for one patient and one (ordinary or special-category) diagnosis."""

    def __init__(self, g, dx, sex: str = "男", age: int = 50):
        self.g, self.dx, self.sex, self.age = g, dx, sex, age
        self.symptom = dx[4]
        extra = [s for s, _ in g.f.sample(SYMPTOMS, 2)]
        self.symptoms = [self.symptom] + extra[: g.num(0, 1)]
        self.drugs = g.f.drugs(3, dx[3], dx[2])

    def _n(self, key):
        lo, hi, div = EXAM_NUMS[key]
        v = self.g.num(lo, hi)
        return str(v) if div == 1 else f"{v / div:.1f}"

    def _fill(self, pattern: str) -> str:
        g = self.g
        if "{" not in pattern:
            return pattern
        vals = {k: self._n(k) for k in EXAM_NUMS if "{" + k + "}" in pattern}
        ex = g.pick(EXAMS)
        vals.update(exam=ex[0], finding=self._fill(ex[1]), drug=g.pick(self.drugs)[0], dx=self.dx[0],
                    dept=self.dx[2], n=g.num(2, 25), k=g.num(5, 30), bp=f"{g.num(150, 200)}/{g.num(90, 120)}",
                    ctl=g.pick(["可", "尚可", "欠佳", "不详"]), h=g.pick(["良好", "一般", "尚可"]),
                    o=g.pick(OUTCOMES), w=g.num(1, 4), s=g.pick(SYMPTOMS)[0], diff=g.pick(DIFFERENTIALS))
        return pattern.format(**vals)

    def duration(self) -> str:
        u = self.g.pick(UNITS)
        n = self.g.num(1, 12) if "年" in u or "月" in u or "周" in u else self.g.num(1, 30)
        return f"{n}{u}" if not u.startswith("余") else f"{n}{u}"

    def complaint(self) -> str:
        s = "、".join(self.symptoms) if len(self.symptoms) > 1 else self.symptom
        if self.g.chance(0.3):
            return f"{self.g.pick(['反复', '间断', '突发'])}{s}{self.duration()}" + self.g.pick(["，加重2天", "，加重1周", ""])
        return f"{s}{self.duration()}"

    def hpi(self) -> str:
        g = self.g
        parts = [f"患者于{self.duration()}前{g.pick(ONSETS)}出现{self.symptom}，{g.pick(CHARACTERS)}"]
        if g.chance(0.6):
            parts.append("伴" + g.pick(SYMPTOMS)[0])
        parts.append("，".join(g.f.sample(NEGATIVES, g.num(1, 3))))
        parts.append(self._fill(g.pick(PRIOR_CARE)))
        if g.chance(0.4):
            parts.append(f"近{g.num(1, 7)}天来症状{g.pick(['加重', '反复', '明显加重'])}")
        parts.append(self._fill(g.pick(ADMIT)))
        general = g.pick(GENERAL).format(**{k: g.pick(v) for k, v in GENERAL_SLOTS.items()})
        return "，".join(parts) + "。" + general

    def past(self) -> str:
        g = self.g
        items = [self._fill(g.pick(PAST))] + g.f.sample(PAST_NEG, g.num(2, 4))
        return "；".join(items) + "。"

    def personal(self) -> str:
        g = self.g
        bits = [self._fill(g.pick(PERSONAL))]
        if g.chance(0.5):
            bits.append(g.pick(MARRIAGE))
        bits.append(g.pick(FAMILY))
        return "；".join(bits) + "。"

    def vitals(self) -> str:
        g = self.g
        sys = g.num(92, 182)
        return VITALS.format(t=g.num(360, 392) / 10, p=g.num(58, 124), r=g.num(14, 28),
                             s=sys, dia=g.num(54, min(108, sys - 25)))

    def exam(self, specialist: bool | None = None) -> str:
        g = self.g
        parts = [self.vitals(), g.pick(GENERAL_EXAM)] + [self._fill(x) for x in g.f.sample(SYSTEM_EXAM, g.num(3, 6))]
        text = "。".join(parts[:2]) + "。" + "，".join(parts[2:]) + "。"
        if specialist or (specialist is None and g.chance(0.3)):
            text += "专科检查：" + g.pick(SPECIALIST) + "。"
        return text

    def aux(self, k: int | None = None) -> str:
        g = self.g
        out = []
        for name, finding in g.f.sample(EXAMS, k or g.num(1, 4)):
            sep = g.pick(["：", "示：", "示", "提示："])
            date = ""
            if g.chance(0.3):
                day = g.day()
                date = f"（{day.month}月{day.day}日）" if g.chance(0.5) else f"{day.isoformat()} "
            out.append(f"{date}{name}{sep}{self._fill(finding)}")
        return "；".join(out) + "。"

    def course(self, operation: str | None = None) -> str:
        g = self.g
        tx = "、".join(g.f.sample(TREATMENTS, g.num(2, 4)))
        parts = [g.pick(["入院后完善相关检查", "入院后积极完善血常规、生化、凝血功能等检查", "入院后予一级护理，完善各项检查"]),
                 f"明确诊断为{self.dx[0]}",
                 f"给予{tx}等{g.pick(['对症支持治疗', '治疗', '综合治疗'])}"]
        if operation or g.chance(0.35):
            op = operation or g.pick(OPERATIONS)
            day = g.day()
            parts.append(f"于{day.month}月{day.day}日在{g.pick(ANESTHESIA)}下行{op}，手术顺利，"
                         f"术后予{g.pick(['抗感染', '止痛', '补液'])}、{g.pick(['止血', '护胃', '营养支持'])}等治疗")
        parts.append(f"用药包括{self.drugs[0][0]}、{self.drugs[1][0]}等")
        parts.append(f"经治疗患者{g.pick(OUTCOMES)}")
        return "，".join(parts) + "。"

    def discharge_state(self) -> str:
        return self._fill(self.g.pick(DISCHARGE_STATE)) + "。"

    def discharge_orders(self) -> list[str]:
        return [self._fill(x) for x in self.g.f.sample(DISCHARGE_ORDERS, self.g.num(2, 4))]

    def round(self) -> str:
        g = self.g
        text = g.pick(ROUND_OPENERS) + self._fill(g.pick(ROUND_STATES)) + "。"
        text += f"查体：{self.vitals() if g.chance(0.4) else '生命体征平稳'}，{self._fill(g.pick(SYSTEM_EXAM))}。"
        if g.chance(0.6):
            text += "辅助检查回报：" + self.aux(1)
        if g.chance(0.5):
            text += g.pick(SUPERIOR) + self._fill(g.pick(ANALYSIS)) + "。"
        text += "处理：" + self._fill(g.pick(ROUND_PLANS)) + "。"
        return text

    def features(self) -> str:
        """病例特点 as numbered points."""
        g = self.g
        age = "老年" if self.age >= 60 else "中年" if self.age >= 40 else "青年"
        sex = "男性" if self.sex == "男" else "女性"
        pts = [f"{age}{sex}，{g.pick(['急性起病', '慢性病程', '亚急性起病', '病程较长'])}",
               f"主因“{self.complaint()}”入院",
               "查体：" + self.vitals() + "，" + self._fill(g.pick(SYSTEM_EXAM)),
               "辅助检查：" + self.aux(g.num(1, 2)).rstrip("。")]
        return "；".join(f"{k}.{p}" for k, p in enumerate(pts, 1)) + "。"

    def intro(self) -> str:
        """One-line identity and admission summary without a name ("男，45岁，农民，主因…入院")."""
        g = self.g
        job = g.pick(["农民", "退休", "职员", "工人", "教师", "无业", "个体", "学生", "干部"])
        when = g.day()
        stamp = f"{when.isoformat()} {g.num(0, 23):02d}:{g.num(0, 59):02d}" if g.chance(0.6) else f"{when.month}月{when.day}日"
        home = ""
        if g.chance(0.5):
            _, _, city, dist = g.f.region()
            home = f"{city if g.chance(0.5) else ''}{dist}人，"
        admitted = g.pick(["入院", "入院", "收入院", f"以{self.dx[0]}收入院", f"门诊以“{self.dx[0]}”收入院",
                           "收住院", f"收入{self.dx[2]}"])
        return (f"{self.sex}{g.pick(['，', '、', '性，'])}{self.age}岁，{job}，{home}"
                f"{g.pick(['主因', '因', '以'])}{self.complaint()}{g.pick(['于', '，于'])}{stamp}{admitted}。")

