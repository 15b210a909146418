"""院史文物类: hospital history, commemorations, honours, relics.

Names in published history and honours are public (S1) and not marked as PII."""

from . import template

RELICS = ["老式铜质听诊器", "1950年代手摇式离心机", "搪瓷消毒盒", "手写处方笺", "木质药柜", "早期X光机球管",
          "建院时期的门诊挂号牌", "老式血压计（水银柱式）", "手术器械包（1960年代）", "护士帽及护士服", "奖状与锦旗",
          "医院第一本病案登记簿", "赤脚医生药箱", "手写教学讲义", "老照片（建院初期全体职工合影）"]


@template("heritage", "history_article", {"S1": 1}, en=True)
def history_article(g, d):
    y0 = g.num(1900, 1960)
    if g.en:
        d.title(g.pick(["A Century of Care: Our Hospital's History", "From Clinic to Medical Center", "Milestones of the Hospital"]), scale=1.3)
        d.para(f"The hospital was founded in {y0} as a small clinic with {g.num(10, 60)} beds. Over the following decades it "
               f"grew into a comprehensive teaching hospital. In {y0 + g.num(20, 40)} the new surgical building opened, and in "
               f"{y0 + g.num(41, 60)} the hospital became one of the first in the province to perform "
               f"{g.pick(['kidney transplantation', 'cardiac surgery', 'laparoscopic surgery'])}.", indent=0)
        d.para("Today the hospital serves several million outpatients each year and continues its tradition of "
               "compassion, excellence and service.", indent=0)
        return
    founder = g.f.name()
    d.title(g.pick(["院史溯源", "百年风华  薪火相传", "我院发展历程", f"建院{g.num(50, 100)}周年回顾"]), scale=1.4)
    d.para(f"{y0}年，{g.hosp['name']}的前身——{g.city}{g.pick(['公立医院', '仁爱医院', '工人医院', '卫生院'])}创建，"
           f"初创时仅有病床{g.num(10, 60)}张，医护人员{g.num(8, 40)}人，由{founder}医师主持院务。")
    d.para(f"{y0 + g.num(5, 20)}年，医院迁址扩建，设内、外、妇、儿四科，成为当地主要的医疗机构。"
           f"{y0 + g.num(21, 40)}年，医院成功开展{g.pick(['首例断肢再植手术', '首例心脏直视手术', '首例肾移植手术'])}，在省内产生较大影响。")
    d.para(f"改革开放以来，医院进入快速发展期。{g.num(1990, 2010)}年通过三级甲等医院评审。"
           f"目前医院开放床位{g.num(800, 3000)}张，年门急诊量{g.num(80, 400)}万人次，成为集医疗、教学、科研、预防于一体的现代化综合医院。")
    d.right("（院史馆  供稿）")


@template("heritage", "commemoration_plan", {"S1": 1, "S2": 2})
def commemoration_plan(g, d):
    n = g.num(30, 120)
    d.title(f"建院{n}周年纪念活动{'公告' if g.level == 'S1' else '方案'}", scale=1.4)
    d.para(f"今年是医院建院{n}周年。为回顾发展历程、弘扬医院精神、凝聚奋进力量，医院将开展系列纪念活动，" +
           ("欢迎社会各界人士参与。" if g.level == "S1" else "具体方案如下："))
    for k, t in enumerate(g.f.sample(["举办院史展览", "召开纪念大会", "编纂院史画册", "开展大型义诊活动", "举办学术论坛",
                                      "征集院史文物和老照片", "拍摄宣传片", "组织离退休职工座谈会"], g.num(3, 6)), 1):
        d.left(f"{k}. {t}")
    if g.level == "S2":
        d.para(f"经费预算：约{g.num(10, 120)}万元，从医院文化建设经费中列支。各科室请于{g.d(g.day())}前报送参会人数。")
    g.sign_date(d, "党委办公室", stamp=g.chance(0.5))


@template("heritage", "honours_list", {"S1": 1})
def honours_list(g, d):
    d.title(g.pick(["光荣榜", "关于表彰先进集体和先进个人的决定", f"{g.year}年度优秀医务工作者名单"]), scale=1.5)
    d.para(f"{g.year}年，全院职工团结奋进，涌现出一批先进集体和先进个人。为树立典型、弘扬正气，经评选，决定予以表彰：")
    d.heading("一、先进集体")
    d.left("、".join(g.f.sample(["心血管内科", "急诊科", "重症医学科", "护理部", "检验科", "骨科", "儿科", "药学部"], 3)))
    d.heading("二、优秀医务工作者")
    d.left("  ".join(g.f.name() for _ in range(g.num(6, 16))))
    d.heading("三、优秀护士")
    d.left("  ".join(g.f.name() for _ in range(g.num(4, 10))))
    d.para("希望受表彰的集体和个人珍惜荣誉，再接再厉。")
    g.sign_date(d)


@template("heritage", "relic_inventory", {"S2": 1})
def relic_inventory(g, d):
    d.title("院史文物藏品登记表", scale=1.4)
    rows = []
    for k in range(1, g.num(6, 16) + 1):
        rows.append([f"YS-{g.num(1, 999):04d}", g.pick(RELICS), f"{g.num(1930, 1995)}年代" if g.chance(0.5) else f"{g.num(1930, 1995)}年",
                     g.pick(["完好", "轻微锈蚀", "破损", "完好"]), g.pick(["捐赠", "征集", "院内移交"]), g.pick(["展厅A", "库房1", "库房2", "展厅B"])])
    d.table(["藏品编号", "名称", "年代", "保存状况", "来源", "存放位置"], rows, size=0.88)
    d.right("院史馆  " + g.d(g.day()))


@template("heritage", "donation_receipt", {"S3": 1})
def donation_receipt(g, d):
    d.title("院史文物捐赠接收登记表", scale=1.4)
    d.table(None, [["捐赠人", g.pn(), "与医院关系", g.pick(["退休职工", "职工家属", "校友", "社会人士"])],
                   ["联系电话", g.pphone(True), "身份证号", g.pid()],
                   ["通讯地址", g.paddr(), "", ""],
                   ["捐赠物品", g.pick(RELICS), "数量", f"{g.num(1, 12)}件"]])
    d.para("物品说明：" + g.pick(["系捐赠人父亲生前在我院工作时使用的物品，保存完好。", "为建院初期实物，具有重要纪念意义。",
                               "为捐赠人收藏多年的老照片及证书。"]), indent=0)
    d.para("捐赠人自愿将上述物品无偿捐赠给医院院史馆，医院可用于展览、研究和宣传。", indent=0)
    d.kv([("捐赠人签字", ""), ("接收人", "院史馆"), ("日期", g.d(g.day()))], cols=3)


@template("heritage", "oral_history", {"S3": 1})
def oral_history(g, d):
    sex = g.f.sex()
    birth = g.f.birth(70, 95, g.year)
    d.title("老专家口述历史访谈记录", scale=1.4)
    d.kv([("受访人", g.pn()), ("性别", sex), ("出生日期", g.pbirth(birth)), ("原工作科室", g.f.dept()),
          ("联系电话", g.pphone()), ("家庭住址", g.paddr()), ("访谈时间", g.d(g.day())), ("访谈人", "院史办")], cols=2)
    d.heading("访谈内容摘要：")
    d.para(f"问：您是哪一年到医院工作的？答：我是{birth.year + g.num(20, 26)}年从医学院毕业分配来的，那时候医院条件很艰苦，"
           f"病房只有几排平房，冬天靠煤炉取暖。")
    d.para("问：印象最深的事情是什么？答：" + g.pick(["那年发大水，我们连续三天三夜没合眼，抢救了很多伤员。",
                                               "我们科第一次开展新手术，老主任带着我们反复在动物身上练习。",
                                               "下乡巡回医疗，背着药箱走村串户，老百姓对我们特别好。"]))
    d.left("（本记录经受访人本人审阅同意，仅供院史研究使用。）", scale=0.9)


@template("heritage", "historic_case_file", {"S4": 1})
def historic_case_file(g, d):
    y = g.num(1950, 1979)
    p = g.patient(5, 70)
    dx = g.f.diagnosis(False)
    d.body_category = "medical"
    d.title(f"馆藏历史病案整理著录单（{y}年）", scale=1.3)
    d.kv([("藏品编号", f"BA-{y}-{g.num(1, 999):03d}"), ("原病案号", g.pmrn("病案号")), ("患者姓名", g.pn(p["name"])),
          ("性别", p["sex"]), ("年龄", f"{p['age']}岁"), ("入院日期", f"{y}年{g.num(1, 12)}月{g.num(1, 28)}日"),
          ("籍贯/住址", g.paddr())], cols=2)
    d.heading("病历摘录：")
    d.para(f"主诉：{dx[4]}。诊断：{dx[0]}。治疗：{g.pick(['予青霉素肌注', '行手术治疗', '中西医结合治疗'])}，"
           f"住院{g.num(5, 60)}天，{g.pick(['治愈出院', '好转出院'])}。病历为手写毛笔/钢笔记录，纸张泛黄。")
    d.para("著录说明：病案内容涉及患者健康信息，未经审批不得对外展示或复制。", indent=0)


@template("heritage", "exhibition_text", {"S1": 1})
def exhibition_text(g, d):
    d.title(g.pick(["院史馆第一展厅  筚路蓝缕", "院史馆第二展厅  砥砺前行", "院史馆第三展厅  守正创新"]), scale=1.35)
    for _ in range(g.num(3, 5)):
        y = g.num(1920, 2020)
        d.heading(f"{y}年")
        d.para(g.pick(["医院在简陋条件下开设门诊，开始为群众提供医疗服务。", "组建医疗队奔赴一线，出色完成救治任务。",
                       "建成新住院大楼，床位数大幅增加。", "获评全国卫生系统先进集体。", "成立医学院附属医院，承担教学任务。",
                       "引进第一台CT，诊疗水平迈上新台阶。", "互联网医院上线，开启智慧医疗新篇章。"]))
    d.left("展品：" + "、".join(g.f.sample(RELICS, 3)), scale=0.95)


@template("heritage", "historic_secret_file", {"S5": 1})
def historic_secret_file(g, d):
    y = g.num(1962, 1988)
    d.marking(g.pick(["机密", "秘密", "绝密"]))
    d.title(g.pick(["关于组建战备医疗队的报告", "关于战备物资储备情况的报告", "关于承担应急救治任务的请示"]), scale=1.35)
    d.right(f"（{y}年  馆藏档案  件号{g.num(1, 300)}）")
    d.para(f"根据上级指示，我院于{y}年{g.num(1, 12)}月组建战备医疗队，下设手术组、内科组、护理组和药械组，"
           f"共{g.num(20, 60)}人，储备急救药品和器械{g.num(30, 200)}箱，存放于{g.pick(['地下防空洞', '后山库房', '指定地点'])}。")
    d.para("医疗队实行半军事化管理，随时待命。有关人员名单及物资清单另附。本文件原件按涉密档案保管，解密审查前不得公开。")
    d.right(g.hosp["name"] + "革命委员会" if y < 1978 else g.hosp["name"])


@template("heritage", "anniversary_speech", {"S1": 1})
def anniversary_speech(g, d):
    """院庆纪念大会讲话: a published speech looking back over the decades and ahead (no names)."""
    n = g.num(30, 120)
    y0 = g.year - n
    d.title(f"在建院{n}周年纪念大会上的讲话", scale=1.35)
    d.center(g.pick(["（根据录音整理）", f"（{g.d(g.day())}）"]))
    d.left(g.pick(["尊敬的各位领导、各位来宾，全院职工同志们：", "各位领导、各位嘉宾，老同志们、同志们："]))
    d.para(f"今天，我们在这里隆重集会，热烈庆祝{g.hosp['name']}建院{n}周年。在此，我代表医院党委和领导班子，"
           "向长期以来关心支持医院发展的各级领导和社会各界朋友表示衷心感谢！向为医院建设倾注心血的历代医务工作者致以崇高敬意！")
    d.para(f"回首{n}年，医院从{y0}年建院之初的{g.num(10, 80)}张病床、{g.num(8, 60)}名医护人员起步，"
           f"历经{g.pick(['迁址扩建', '合并重组', '三次大规模扩建'])}，发展成为开放床位{g.num(800, 4000)}张、"
           f"年门急诊量{g.num(60, 400)}万人次的{g.pick(['三级甲等综合医院', '区域医疗中心', '大学附属医院'])}。")
    d.para(f"{n}年来，一代代医院人艰苦创业、救死扶伤，在{g.pick(['抗洪救灾', '抗击非典', '抗震救灾', '重大传染病防控'])}"
           f"等重大任务中挺身而出；{g.pick(['心脏外科', '器官移植', '微创外科', '新生儿救治'])}等技术填补了地区空白，"
           f"{g.num(3, 20)}个学科成为省市重点专科。")
    d.para("回望来路，我们深切体会到：坚持公益性是医院的立院之本，人才和学科是医院的发展之基，"
           "以患者为中心是医院的不变初心。")
    d.para(f"站在新的起点上，我们将以建院{n}周年为契机，"
           + g.pick(["加快高质量发展", "推进智慧医院建设", "深化公立医院改革", "加强学科建设和人才培养"])
           + "，为守护人民群众健康作出新的更大贡献！")
    d.para("最后，祝各位来宾身体健康、工作顺利！祝医院明天更加美好！谢谢大家！")


PHOTO_SUBJECTS = ["建院初期门诊部全景", "首届护士班毕业合影", "医疗队出发前合影", "新住院大楼奠基仪式", "首例手术成功后的手术团队",
                  "院史馆开馆仪式", "抗洪救灾医疗队在灾区巡诊", "义诊活动现场", "国际学术交流会议开幕式", "门急诊综合楼落成典礼",
                  "老院区主楼外景", "援外医疗队凯旋", "三级甲等医院评审现场", "医院运动会开幕式"]


@template("heritage", "photo_catalogue", {"S2": 1})
def photo_catalogue(g, d):
    """照片档案目录: numbered photographs with title, date, place, photographer (unit), negative number."""
    d.title(g.pick(["照片档案目录", "照片档案案卷目录", "院史照片著录登记表"]), scale=1.4)
    d.kv([("全宗号", f"J{g.num(1, 99):03d}"), ("案卷号", f"ZP-{g.num(1, 200):03d}"),
          ("类别", g.pick(["院史沿革", "重大活动", "医疗救援", "基本建设", "学术交流"])), ("保管期限", "永久")], cols=2)
    rows = []
    y = g.num(1950, 2010)
    for k in range(1, g.num(6, 16) + 1):
        y = min(g.year, y + g.num(0, 4))
        rows.append([f"{k:03d}", g.pick(PHOTO_SUBJECTS), f"{y}.{g.num(1, 12):02d}",
                     g.pick(["老院区", "院本部", "新院区", "门诊广场", "大礼堂", "外地"]),
                     g.pick(["宣传科", "院办", "宣传中心", "捐赠", "不详"]), f"D{g.num(1, 9999):04d}",
                     g.pick(["黑白", "彩色", "数码", "黑白，已扫描"])])
    d.table(["照片号", "题名", "时间", "地点", "摄影者", "底片号", "备注"], rows, size=0.82)
    d.left("说明：本目录照片均已数字化，原件存院档案室照片库房，恒温恒湿保存。", scale=0.9)
    d.right("档案室  " + g.d(g.day()))


@template("heritage", "doctor_biography", {"S1": 1})
def doctor_biography(g, d):
    """名医传略: the published life of a renowned doctor of the hospital's past."""
    name = g.f.name()
    born = g.num(1900, 1940)
    died = born + g.num(70, 98)
    field = g.pick([("外科", "在本地区率先开展胃癌根治手术"), ("内科", "筹建了本地区第一个心脏监护病房"),
                    ("儿科", "创建了本地区第一个新生儿病房"), ("眼科", "在本地区率先开展白内障人工晶体植入术"),
                    ("中医科", "总结出治疗脾胃病的系列经验方"), ("妇产科", "建立了高危妊娠筛查和转诊制度"),
                    ("骨科", "成功完成本地区首例断肢再植手术")])
    d.title(g.pick(["名医风采", "杏林名家", "院史人物", "医林前辈"]) + f"·{name}", scale=1.35)
    d.center(f"（{born}—{died if died < g.year else ''}）")
    d.para(f"{name}，{g.hosp['region'][1]}人，{born}年生。{born + g.num(20, 26)}年毕业于"
           f"{g.pick(['国立医学院', '医科大学', '医学专科学校', '协和医学院'])}，同年来院工作，从此扎根于此，"
           f"从事{field[0]}临床、教学和科研工作{g.num(35, 60)}余年。")
    d.para(f"{born + g.num(30, 40)}年，在设备简陋的条件下，{name}带领科室同事{field[1]}，"
           "此后不断改进技术，总结经验，撰写专著" + f"{g.num(1, 5)}部，发表论文{g.num(20, 120)}篇，"
           f"培养研究生和进修人员{g.num(30, 300)}余名，多人成为学科骨干。")
    d.para(f"行医一生，{name}始终把病人放在第一位，常说“" + g.pick(["医者，要先把病人当亲人", "病人的信任是最重的托付",
                                                                     "手术台上没有小事", "多问一句，多看一眼"])
           + "”。曾获" + g.pick(["全国卫生系统先进工作者", "省劳动模范", "省名中医", "国务院政府特殊津贴"]) + "等荣誉。")
    d.para(f"为纪念其贡献，医院在院史馆设立专题展柜，陈列其手稿、听诊器和手术笔记等遗物。")
    d.right(g.pick(["院史编纂委员会", "宣传中心", "院史馆"]) + "  供稿")


# -- chronicle, compilation work, access register, open/declassification review ----------------

# (earliest plausible year, event) for a hospital chronicle; {n}, {city}, {prov} are filled in
CHRONICLE_EVENTS = [
    (1900, "{city}{pre}创办，设病床{n}张，开设内科、外科门诊"),
    (1930, "医院开办护士训练班，首批招收学员{k}名"),
    (1949, "医院由人民政府接管，更名为{city}人民医院"),
    (1950, "建成两层砖木结构门诊楼，设内、外、妇、儿四科"),
    (1952, "组建巡回医疗队，赴乡村开展血吸虫病防治"),
    (1955, "成立放射科，装备第一台200毫安X光机"),
    (1956, "检验科独立建科，开展血、尿、便常规检验"),
    (1958, "开办职工业余医学夜校"),
    (1960, "开设中医科，推行中西医结合诊疗"),
    (1965, "派出医疗队支援农村合作医疗，培训赤脚医生{k}名"),
    (1970, "开展本院首例心脏二尖瓣分离手术"),
    (1976, "抽调医护人员组成抗震救灾医疗队赴灾区救治伤员"),
    (1978, "恢复职称评定，首批{k}人晋升主治医师"),
    (1980, "新住院楼竣工，开放床位增至{n}0张"),
    (1983, "成为{prov}医学院教学医院，承担临床教学任务"),
    (1986, "引进本院第一台全身CT扫描机"),
    (1990, "开通院前急救电话，组建急救站"),
    (1993, "通过三级甲等医院评审"),
    (1996, "院史陈列室建成开放"),
    (1998, "医院信息系统（HIS）一期上线运行"),
    (2003, "设立发热门诊，派出医务人员参加抗击非典工作"),
    (2008, "派出医疗队参加抗震救灾"),
    (2010, "门急诊综合楼落成启用"),
    (2012, "开展首例达芬奇机器人辅助手术"),
    (2015, "获评全国文明单位"),
    (2018, "互联网医院上线运行"),
    (2020, "派出援鄂医疗队，支援重大疫情防控"),
    (2022, "新院区一期工程建成开诊"),
]
CHRONICLE_SOURCES = ["文书档案{y}-{k}卷", "《院志》初稿", "口述史料", "老照片", "《{city}卫生志》", "院刊合订本",
                     "人事档案目录", "基建档案{y}-{k}卷"]
CHRONICLE_CHECK = ["已核实", "已核实", "已核实", "待考", "月份存疑", "与档案记载不一致，待核", "需补充出处"]


def _chronicle(g, k):
    """k dated events in order, never later than the document year."""
    events = []
    y = 0
    picked = sorted(g.f.sample(range(len(CHRONICLE_EVENTS)), k))
    for i in picked:
        earliest, text = CHRONICLE_EVENTS[i]
        y = max(y + g.num(1, 4), earliest + g.num(0, 3))
        if y > g.year:
            break
        text = text.format(city=g.city, prov=g.hosp["region"][1], n=g.num(20, 90), k=g.num(10, 60),
                           pre=g.pick(["公立医院", "仁爱医院", "卫生院", "工人医院", "普济医院"]))
        events.append((y, g.num(1, 12), text))
    return events


@template("heritage", "chronicle", {"S1": 2, "S2": 1})
def chronicle(g, d):
    """院史大事记: the published chronicle (年鉴, 院志, website) or the compilers' internal draft
    sent round for checking, with sources and verification notes."""
    events = _chronicle(g, g.num(5, 14))
    if not events:
        events = [(g.year - 1, g.num(1, 12), "院史陈列室建成开放")]
    y0, y1 = events[0][0], events[-1][0]
    if g.level == "S1":
        d.title(g.pick([f"{g.hosp['name']}大事记", f"院史大事记（{y0}—{y1}）", "大事记", "院史回眸·大事年表"]), scale=1.4)
        if g.chance(0.6):
            d.center(g.pick([f"（摘自《{g.hosp['name']}志》）", "（载医院年鉴）", "（医院官网“院史回眸”栏目）"]))
        layout = g.pick(["heading", "table", "lines"])
        if layout == "heading":
            last = None
            for y, m, text in events:
                if y != last:
                    d.heading(f"{y}年")
                    last = y
                d.para(f"{m}月，{text}。")
        elif layout == "table":
            d.table(["年份", "月份", "大事"], [[f"{y}", f"{m}月", text] for y, m, text in events], size=0.9)
        else:
            for y, m, text in events:
                d.para(f"{y}年{m}月　{text}。", indent=0)
        if g.chance(0.3):
            d.para(f"（医院首任院长{g.f.name()}，在任{g.num(4, 15)}年。）", indent=0)
        d.para(g.pick(["本大事记已在医院官方网站公开发布，欢迎知情者提供史料线索、指正补充。",
                       "以上内容根据公开出版的院志整理，供社会各界了解医院发展历程。",
                       "本栏目面向社会公开，转载请注明出处。"]))
        d.right(g.pick(["院史编纂委员会", "宣传中心", "院史馆"]) + "  " + g.d(g.day()))
        return
    d.title(g.pick(["院史大事记（征求意见稿）", "院史大事记（内部讨论稿）", f"大事记（{y0}—{y1}年）初稿"]), scale=1.35)
    d.para(f"院史编纂办公室根据馆藏文书档案、院志初稿和口述材料整理了{y0}—{y1}年间的大事条目，现印发各有关部门核对。"
           f"请于{g.d(g.day())}前将修改意见反馈档案室。本稿为内部工作稿，未经审定不得引用或对外提供。")
    rows = []
    for y, m, text in events:
        src = g.pick(CHRONICLE_SOURCES).format(y=y, k=g.num(1, 60), city=g.city)
        rows.append([f"{y}.{m:02d}", text, src, g.pick(CHRONICLE_CHECK)])
    d.table(["时间", "事件", "资料来源", "核实情况"], rows, size=0.86)
    d.para(g.pick(["标注“待考”的条目请相关科室协助查找原始文件。", "条目时间以档案原件落款日期为准。",
                   "如有遗漏的重要事项，请注明出处后补报。"]), indent=0)
    d.right("院史编纂办公室（设档案室）")


SOLICIT_ITEMS = ["反映医院历史沿革的文件、证书、奖状、聘书、工作证等", "各时期的老照片、底片、录音录像资料",
                 "老职工使用过的医疗器械、药具、护士帽、工作服等实物", "手稿、笔记、日记、讲义、书信及回忆文章",
                 "与医院有关的报刊、书籍、宣传品、纪念品", "医院老建筑的图纸、模型、影像", "医疗队、援外工作的纪念物品"]
VOLUMES = [("概述与大事记", "档案室"), ("机构沿革与院区建设", "院长办公室、基建处"), ("医疗工作", "医务处"),
           ("护理工作", "护理部"), ("医学教育", "教育处"), ("科学研究", "科研处"), ("人物与荣誉", "人力资源部、宣传中心"),
           ("党群工作", "党委办公室、工会、团委"), ("后勤保障与设备", "总务处、医学装备部"), ("附录", "档案室")]


@template("heritage", "compilation_plan", {"S1": 1, "S2": 1})
def compilation_plan(g, d):
    """院志编纂: the published call for historical material (S1) or the internal work plan with
    volumes, departments, schedule and budget (S2)."""
    n = g.num(40, 110)
    start = g.day()
    if g.level == "S1":
        d.title(g.pick([f"{g.hosp['name']}院史资料征集启事", "关于征集院史资料和实物的公告", "院志编纂史料征集公告"]),
                scale=1.35)
        d.para(f"{g.hosp['name']}创建于{g.year - n}年，至今已走过{n}年历程。为" +
               g.pick(["编纂院志", f"迎接建院{n}周年", "充实院史馆馆藏", "抢救和保护医院历史资料"]) +
               "，留存医院发展的历史记忆，现面向社会公开征集院史资料和实物。")
        d.heading("一、征集范围")
        for k, t in enumerate(g.f.sample(SOLICIT_ITEMS, g.num(3, 6)), 1):
            d.para(f"{k}. {t}；", indent=0)
        d.heading("二、征集方式")
        d.para(g.pick(["以无偿捐赠为主，也可提供原件供复制后归还。", "可捐赠、寄存或提供复制件；原件复制后完好退还。"]) +
               "对捐赠者颁发收藏证书，捐赠物品在院史馆展出时注明捐赠者。")
        d.heading("三、联系方式")
        d.para(f"征集时间：即日起至{g.d(g.f.later(start, 60, 300))}。请将资料送至院史馆（"
               f"{g.pick(['门诊楼', '行政楼', '科教楼'])}{g.num(2, 9)}楼），工作日上午8:00—12:00，下午14:00—17:30接待。")
        d.para(g.pick(["诚挚欢迎社会各界人士、离退休职工、校友和患者朋友踊跃提供线索。",
                       "本启事同时在医院官方网站和微信公众号发布，欢迎转发。"]))
        g.sign_date(d, g.pick([g.hosp["name"], "院史编纂委员会"]), date=start, stamp=g.chance(0.6))
        return
    g.mark_if_restricted(d)
    d.title(g.pick(["院志编纂工作实施方案", f"《{g.hosp['name']}志》编纂工作方案", "院史编研工作计划"]), scale=1.35)
    d.para(g.pick([f"为系统记述医院建院{n}年来的发展历程，经院长办公会研究，决定启动院志编纂工作。现制定实施方案如下。",
                   f"为做好建院{n}周年院史编研工作，存史、资政、育人，结合医院实际，制定本方案。",
                   f"根据党委会议精神，医院将于{start.year}年起编纂第{g.pick(['一', '二'])}部院志，断限为建院至{start.year - 1}年。"
                   "现就有关工作安排如下。"]))
    d.heading("一、组织机构")
    d.para(g.pick(["成立院志编纂委员会，院长任主任委员，分管副院长任副主任委员，各职能部门负责人为委员。",
                   "成立院史编研领导小组，党委书记、院长任组长，分管院领导任副组长，成员由各职能部门负责人组成。"]) +
           g.pick(["编纂办公室设在档案室，负责资料收集、统稿和日常联络；各部门确定一名联络员。",
                   "领导小组下设编辑部，设在宣传中心，聘请退休老同志担任特约编辑；各科室指定一名兼职资料员。"]))
    d.heading("二、篇目设置及分工")
    rows = []
    vols = [VOLUMES[i] for i in sorted(g.f.sample(range(len(VOLUMES)), g.num(5, 9)))]
    for k, (vol, dept) in enumerate(vols, 1):
        rows.append([f"第{'一二三四五六七八九十'[k - 1]}篇", vol, dept, f"{g.num(2, 12)}"])
    d.table(["篇次", "篇目", "承编部门", "字数（万字）"], rows, size=0.9)
    d.heading("三、进度安排")
    t = start
    sched = []
    for stage in g.pick([["动员培训", "资料收集", "初稿撰写", "总纂统稿", "评审修改", "出版印刷"],
                         ["资料征集", "分篇撰写", "内部评审", "定稿付印"]]):
        t2 = g.f.later(t, 30, 150)
        sched.append([stage, f"{t.year}.{t.month:02d}—{t2.year}.{t2.month:02d}"])
        t = t2
    if g.chance(0.5):
        d.table(["阶段", "时间"], sched, size=0.9)
    else:
        for stage, span in sched:
            d.para(f"{stage}：{span}。", indent=0)
    d.heading("四、经费保障")
    d.para(f"编纂经费预算{g.num(15, 90)}万元，含资料复制、专家评审、排版印刷等费用，从医院文化建设经费中列支，"
           "由编纂办公室按项目申报，财务处审核后支付。")
    if g.chance(0.6):
        d.heading("五、工作要求")
        d.para(g.pick(["各部门要高度重视，按时提交资料，确保史实准确、数据可靠。",
                       "资料引用须注明档号或出处，涉及个人信息的内容不得写入正文。",
                       "初稿实行部门负责人审核制，未经审定的稿件不得对外提供。"]))
    g.sign_date(d, "院长办公室", date=start, stamp=g.chance(0.4))


ACCESS_PURPOSES = ["编写家族史", "撰写学位论文", "院庆纪录片拍摄", "查找父辈工作经历资料", "地方志编纂", "校友纪念册编写",
                   "近代医学史研究", "退休职工回忆录写作", "展览策划", "新闻报道"]
ACCESS_ITEMS = ["建院初期文书档案（{y}年卷）", "{d}年代职工合影照片", "院刊合订本（{y}年）", "历届院庆纪念册",
                "援外医疗队资料", "老院区建筑图纸", "{y}年职工代表大会文件", "院史馆藏品目录", "院志初稿", "护士学校招生简章（{y}年）"]


@template("heritage", "archive_access_register", {"S3": 1})
def archive_access_register(g, d):
    """院史档案查阅利用登记: who consulted the hospital's historical records — a register of visits or
    one application form, with the visitor's identity and contact details."""
    def item():
        y = g.num(1950, 1995)
        return g.pick(ACCESS_ITEMS).format(y=y, d=y // 10 * 10)
    if g.chance(0.55):
        d.title(g.pick(["院史档案查阅利用登记簿", "档案利用登记表（院史资料）", "院史馆资料查阅登记"]), scale=1.35)
        d.kv([("年度", f"{g.year}"), ("登记部门", g.pick(["档案室", "院史馆", "院史编纂办公室"]))], cols=2)
        contact = g.pick(["证件号码", "联系电话"])
        extra = g.pick(["单位/身份", "利用目的"])
        rows = []
        day = g.day()
        for _ in range(g.num(4, 12)):
            day = g.f.later(day, 0, 20)
            rows.append([f"{day.month}-{day.day}", g.pn(), g.pid() if contact == "证件号码" else g.pphone(),
                         g.pick(["退休职工", "职工家属", "高校研究生", "地方志办", "电视台", "校友", "社会人士"])
                         if extra == "单位/身份" else g.pick(ACCESS_PURPOSES),
                         item(), g.pick(["阅览", "阅览", "复制", "摘抄", "拍照"]), g.pick(["档案室", "院史馆"])])
        d.table(["日期", "查阅人", contact, extra, "查阅内容", "利用方式", "接待"], rows, size=0.8)
        d.left(g.pick(["注：查阅人须出示有效身份证件；复制件加盖“仅供研究参考”章。",
                       "注：院史档案限馆内阅览，原件不外借。"]), scale=0.88)
        return
    d.title(g.pick(["院史档案查阅申请表", "院史资料利用审批表"]), scale=1.35)
    pairs = [("申请人", g.pn()), ("性别", g.f.sex()), ("身份证号", g.pid()), ("联系电话", g.pphone()),
             ("工作单位/身份", g.pick(["某高校历史学院", "市地方志办公室", "退休职工", "医院校友", "个人"]))]
    pairs.append(g.pick([("通讯地址", g.paddr()), ("电子邮箱", g.pemail())]))
    pairs.append(("申请日期", g.d(g.day())))
    d.kv(pairs, cols=2, underline=g.chance(0.5))
    d.para("查阅内容：" + "、".join(item() for _ in range(g.num(1, 3))) + "。", indent=0)
    d.para("利用目的：" + g.pick(ACCESS_PURPOSES) + "。", indent=0)
    d.left("利用方式：" + g.pick(["☑阅览 □复制 □摘抄 □拍照", "☑阅览 ☑复制 □摘抄 □拍照", "□阅览 □复制 ☑摘抄 ☑拍照"]))
    d.para("本人承诺：遵守档案查阅规定，不涂改、损毁档案，不擅自公布档案内容，引用时注明出处。", indent=0)
    d.kv([("档案室意见", g.pick(["同意阅览", "同意，复制不超过20页", "同意，仅限阅览"])),
          ("经办人", g.pn())], cols=2)


OPEN_TITLES = ["关于调整门诊作息时间的通知", "{y}年度工作总结", "关于成立院史陈列室筹备组的决定", "关于新建住院楼的请示及批复",
               "职工代表大会会议纪要", "关于开展爱国卫生运动的通知", "关于护士学校招生工作的报告", "关于购置X光机的请示",
               "{y}年医疗质量检查情况通报", "关于组织巡回医疗队的通知", "基建工程竣工验收报告", "关于评选先进工作者的通知"]
OPEN_DECISIONS = [("开放", "已满30年，内容不涉及敏感事项"), ("开放", "属一般性工作文件"),
                  ("控制使用", "涉及职工个人信息"), ("延期开放", "涉及在用建筑结构资料"), ("开放", "已在院志中公开引用")]
# (title, task described in the file, earliest year, latest year)
CLASSIFIED_FILES = [("战备医院组建方案", "战备医院的组建和床位扩展", 1962, 1985),
                    ("三线建设医疗保障计划", "三线建设工地的医疗保障", 1964, 1979),
                    ("{y}年防化医学救援预案", "防化医学救援准备", 1965, 1990),
                    ("核事故应急医学救援队组建报告", "核事故应急医学救援", 1975, 1995),
                    ("战备物资储备库选址报告", "战备药械储备", 1962, 1990),
                    ("特殊任务伤员收治方案", "特殊任务伤员的收治", 1965, 1992),
                    ("应急医疗队战时编组表", "应急医疗队的战时编组", 1962, 1990)]
REVIEW_OUTCOMES = {
    "keep": (["内容仍涉及医疗保障力量部署和物资存放地点，建议继续保密", "部分内容尚未失去保密价值，建议继续保密"],
             ["同意继续保密，保密期限延长10年", "同意继续保密，五年后再行审核"], ["同意继续保密", "同意，报上级主管部门备案"]),
    "lower": (["建议降低密级，控制使用", "核心内容已公开，建议降密"], ["同意降密，按新密级管理", "同意承办部门意见"],
              ["同意", "同意降密"]),
    "open": (["已不涉及现行工作，建议解密", "相关事项已公开，建议解密后控制使用"],
             ["同意解密后控制使用，不得公开展出", "同意解密，解密后按内部档案管理"], ["同意解密", "同意"]),
}


@template("heritage", "declassification_review", {"S2": 2, "S5": 1})
def declassification_review(g, d):
    """馆藏档案开放/解密审核: an internal review of old archives reaching their opening date (S2), or
    the marked review of still-classified historic files (S5)."""
    y1 = g.num(1955, min(1990, g.year - 36))
    if g.level == "S5":
        orig = g.pick(["秘密", "秘密", "机密", "机密", "绝密"])
        d.marking(orig + g.pick(["", "★10年", "★20年", "★长期"] if orig != "秘密" else ["", "★5年", "★10年"]))
        d.title(g.pick(["馆藏涉密档案解密审核表", "涉密档案密级变更审查表", "历史涉密档案解密鉴定表"]), scale=1.35)
        title, task, lo, hi = g.pick(CLASSIFIED_FILES)
        y1 = g.num(lo, hi)
        unit = "院革命委员会" if 1968 <= y1 <= 1978 and g.chance(0.6) else g.pick([g.hosp["name"], "战备领导小组"])
        d.kv([("档号", f"WS·{y1}-Y-{g.num(1, 300):03d}"), ("形成年度", f"{y1}年"), ("文件题名", title.format(y=y1)),
              ("原密级", orig), ("原保密期限", g.pick(["长期", "30年", "20年"])),
              ("页数", f"{g.num(3, 80)}"), ("形成单位", unit)], cols=2)
        d.heading(g.pick(["内容摘要：", "主要内容："]))
        d.para(f"该档案记载了{y1}年前后医院承担的{task}任务，包括" +
               "、".join(g.f.sample(["医疗队编组和人员抽调方案", "战备药械储备数量",
                                     f"物资存放地点（{g.pick(['地下防空洞', '后山库房', '指定备用院区'])}）",
                                     "与有关部门的联络方式和联络代号", "床位扩展和转运路线"], g.num(2, 4))) + "等。")
        dept, office, owner = REVIEW_OUTCOMES[g.pick(["keep", "keep", "lower", "open"])]
        d.table(["审核环节", "意见"], [["承办部门", g.pick(dept)], ["保密办公室", g.pick(office)],
                                      ["定密责任人", g.pick(owner)]], size=0.9)
        d.para("本表及所附档案按涉密载体管理，解密前不得对外提供，不得在院史展览、院志中引用。", indent=0)
        d.right("保密办公室  档案室  " + g.d(g.day()))
        return
    g.mark_if_restricted(d)
    d.title(g.pick(["馆藏档案到期开放鉴定表", "院史档案开放审核登记表", "档案开放鉴定工作记录"]), scale=1.35)
    y2 = y1 + g.num(2, 10)
    d.kv([("全宗号", f"J{g.num(1, 99):03d}"), ("鉴定年度", f"{g.year}"),
          ("档案门类", g.pick(["文书档案", "照片档案", "基建档案", "文书档案"])), ("鉴定范围", f"{y1}—{y2}年形成的档案"),
          ("鉴定小组", "档案室、院长办公室、保密办公室及相关业务部门")], cols=2)
    rows, opened = [], 0
    for k, title in enumerate(g.f.sample(OPEN_TITLES, g.num(5, len(OPEN_TITLES))), 1):
        y = g.num(y1, y2)
        dec, why = g.pick(OPEN_DECISIONS)
        opened += dec == "开放"
        rows.append([f"{k}", f"{y}-{g.pick(['YJ', 'Y', 'D'])}-{g.num(1, 200):03d}", title.format(y=y),
                     f"{g.num(2, 60)}", dec, why])
    d.table(["序号", "档号", "题名", "页数", "鉴定意见", "理由"], rows, size=0.84)
    d.para(f"本次共鉴定{len(rows)}件，拟向社会开放{opened}件，其余控制使用或延期开放。开放目录经医院档案工作领导小组审定后，"
           "在档案室阅览室提供利用。本表为内部工作用表。", indent=0)
    d.right(g.pick(["档案室", "档案鉴定小组"]) + "  " + g.d(g.day()))
