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
