"""Plausible field values for synthetic hospital-archive documents.

Every generator takes its randomness from the `random.Random` held by `Fields`, so a document is
fully determined by its seed. Values that are personal data are returned as PII segments
(`(type, text)` tuples, see `doc.py`) by the `p_*` helpers; the plain helpers return strings.
"""

import datetime as _dt
import random

# ---------------------------------------------------------------------------------------------
# Names. Single-character surnames (common and less common ones), a few compound surnames, and
# given-name characters. Names are random combinations, not taken from any list of real people.
SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池乜查麻苑迟邝"
) + ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容"]

GIVEN_CHARS = list(
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉萍红华建国志文辉斌宇浩凯鹏飞俊峰晨阳欣怡婷雪琳"
    "颖璐佳慧晓燕倩丹蕾琴云莉梅荣凤洁宁瑶璇悦思雨嘉琪子涵梓轩浩然博文一鸣宏亮海波永春立新学东振德胜利"
    "利民福庆安泰卫兵长青松柏林森正清源润泽晖光耀天翔鸿远卓越亦凡若曦沐晴诗语书瑾锦程家豪俊杰承志泓锐"
    "昊铭煜祺睿哲彦廷晋楷毅诚朗鑫淼焱尧舜禹宸珂瑜琬玥珊韵婉妍媛蓉蕊菲薇茜芸芷萱荷莲菊竹梦露霏岚"
    "秋冬晗曜星辰启航远航少华继红爱华红梅玉兰淑珍桂英秀兰凤英建华国庆跃进卫东向阳"
    "懿彤馨蔚婧雯靖炜琛璟霖旭昕骏驰川岳峻崇铮钧淳澄沛汐渝恺昱晟炅熙"
)

EN_GIVEN = ["James", "Emma", "Olivia", "Lucas", "Sophie", "Daniel", "Grace", "Henry", "Laura",
            "Michael", "Anna", "David", "Helen", "Peter", "Maria", "Thomas", "Julia", "Robert",
            "Clara", "Samuel", "Wei", "Li", "Min", "Jun", "Xiaoming", "Yan", "Hui", "Lei"]
EN_FAMILY = ["Smith", "Brown", "Miller", "Wilson", "Taylor", "Clarke", "Walker", "Young", "Novak",
             "Schmidt", "Garcia", "Rossi", "Tanaka", "Kim", "Wang", "Li", "Zhang", "Chen", "Liu",
             "Huang", "Zhou", "Wu", "Lin", "Ho", "Chan", "Wong", "Lam", "Cheung"]

# ---------------------------------------------------------------------------------------------
# Administrative divisions: (6-digit code, province, city, district). Codes are real GB/T 2260
# county-level codes so resident IDs carry a valid region prefix.
REGIONS = [
    ("110101", "北京市", "北京市", "东城区"), ("110102", "北京市", "北京市", "西城区"),
    ("110105", "北京市", "北京市", "朝阳区"), ("110106", "北京市", "北京市", "丰台区"),
    ("110108", "北京市", "北京市", "海淀区"), ("120101", "天津市", "天津市", "和平区"),
    ("120103", "天津市", "天津市", "河西区"), ("120104", "天津市", "天津市", "南开区"),
    ("130102", "河北省", "石家庄市", "长安区"), ("130104", "河北省", "石家庄市", "桥西区"),
    ("140105", "山西省", "太原市", "小店区"), ("150102", "内蒙古自治区", "呼和浩特市", "新城区"),
    ("210102", "辽宁省", "沈阳市", "和平区"), ("210202", "辽宁省", "大连市", "中山区"),
    ("220102", "吉林省", "长春市", "南关区"), ("230102", "黑龙江省", "哈尔滨市", "道里区"),
    ("230103", "黑龙江省", "哈尔滨市", "南岗区"), ("310101", "上海市", "上海市", "黄浦区"),
    ("310104", "上海市", "上海市", "徐汇区"), ("310105", "上海市", "上海市", "长宁区"),
    ("310106", "上海市", "上海市", "静安区"), ("310107", "上海市", "上海市", "普陀区"),
    ("310110", "上海市", "上海市", "杨浦区"), ("310115", "上海市", "上海市", "浦东新区"),
    ("320102", "江苏省", "南京市", "玄武区"), ("320106", "江苏省", "南京市", "鼓楼区"),
    ("320508", "江苏省", "苏州市", "姑苏区"), ("330102", "浙江省", "杭州市", "上城区"),
    ("330106", "浙江省", "杭州市", "西湖区"), ("330203", "浙江省", "宁波市", "海曙区"),
    ("340102", "安徽省", "合肥市", "瑶海区"), ("340104", "安徽省", "合肥市", "蜀山区"),
    ("350102", "福建省", "福州市", "鼓楼区"), ("350203", "福建省", "厦门市", "思明区"),
    ("360102", "江西省", "南昌市", "东湖区"), ("370102", "山东省", "济南市", "历下区"),
    ("370202", "山东省", "青岛市", "市南区"), ("410102", "河南省", "郑州市", "中原区"),
    ("410105", "河南省", "郑州市", "金水区"), ("420102", "湖北省", "武汉市", "江岸区"),
    ("420106", "湖北省", "武汉市", "武昌区"), ("420111", "湖北省", "武汉市", "洪山区"),
    ("430102", "湖南省", "长沙市", "芙蓉区"), ("430104", "湖南省", "长沙市", "岳麓区"),
    ("440103", "广东省", "广州市", "荔湾区"), ("440104", "广东省", "广州市", "越秀区"),
    ("440106", "广东省", "广州市", "天河区"), ("440304", "广东省", "深圳市", "福田区"),
    ("440305", "广东省", "深圳市", "南山区"), ("450103", "广西壮族自治区", "南宁市", "青秀区"),
    ("460105", "海南省", "海口市", "秀英区"), ("500103", "重庆市", "重庆市", "渝中区"),
    ("500105", "重庆市", "重庆市", "江北区"), ("510104", "四川省", "成都市", "锦江区"),
    ("510107", "四川省", "成都市", "武侯区"), ("520102", "贵州省", "贵阳市", "南明区"),
    ("530102", "云南省", "昆明市", "五华区"), ("540102", "西藏自治区", "拉萨市", "城关区"),
    ("610102", "陕西省", "西安市", "新城区"), ("610113", "陕西省", "西安市", "雁塔区"),
    ("620102", "甘肃省", "兰州市", "城关区"), ("630102", "青海省", "西宁市", "城东区"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区"), ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
]
AREA_CODES = {"北京市": "010", "上海市": "021", "天津市": "022", "重庆市": "023", "沈阳市": "024",
              "南京市": "025", "武汉市": "027", "成都市": "028", "西安市": "029", "广州市": "020",
              "杭州市": "0571", "宁波市": "0574", "苏州市": "0512", "深圳市": "0755", "厦门市": "0592",
              "福州市": "0591", "济南市": "0531", "青岛市": "0532", "郑州市": "0371", "长沙市": "0731",
              "合肥市": "0551", "南昌市": "0791", "石家庄市": "0311", "太原市": "0351", "大连市": "0411",
              "长春市": "0431", "哈尔滨市": "0451", "南宁市": "0771", "海口市": "0898", "贵阳市": "0851",
              "昆明市": "0871", "拉萨市": "0891", "兰州市": "0931", "西宁市": "0971", "银川市": "0951",
              "乌鲁木齐市": "0991", "呼和浩特市": "0471"}
STREETS = ["人民路", "解放路", "中山路", "建设路", "和平路", "胜利街", "文化路", "新华路", "青年路",
           "光明街", "朝阳路", "长江路", "黄河路", "东风路", "学府路", "工农路", "健康路", "迎宾大道",
           "滨江路", "幸福街", "团结路", "花园路", "桂花巷", "梧桐路", "北京路", "南京路", "延安路",
           "育才路", "振兴大道", "湖滨路", "府前街", "民主路", "红旗路", "金桥路", "春晖路", "银杏路"]
ESTATES = ["阳光小区", "幸福家园", "锦绣花园", "翠苑", "金色家园", "东方明珠苑", "华府名邸", "绿城小区",
           "和谐佳苑", "御景湾", "碧水湾", "职工宿舍", "新村", "丽景园", "百合公寓", "馨园"]

MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
                   "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175",
                   "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189",
                   "191", "193", "195", "198", "199"]
BANK_BINS = [("中国工商银行", "622202"), ("中国建设银行", "621700"), ("中国农业银行", "622848"),
             ("中国银行", "621661"), ("招商银行", "622588"), ("交通银行", "622262"),
             ("中国邮政储蓄银行", "621799"), ("兴业银行", "622909")]
EMAIL_DOMAINS = ["163.com", "126.com", "qq.com", "sina.com", "hotmail.com", "gmail.com", "yeah.net"]
PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
          "ma", "zhu", "hu", "guo", "he", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han",
          "feng", "deng", "cao", "peng", "xiao", "tian", "dong", "pan", "yu", "jiang", "cai", "ye", "su",
          "wei", "lu", "ding", "shen", "yao", "cui", "fan", "jin", "shi", "xia", "fang", "bai", "qin"]

# ---------------------------------------------------------------------------------------------
# Hospitals: synthetic names built from a city and a pattern.
HOSPITAL_PATTERNS = ["{city}第一人民医院", "{city}第二人民医院", "{city}第三人民医院", "{city}中心医院",
                     "{city}中医医院", "{city}妇幼保健院", "{city}人民医院", "{city}中西医结合医院",
                     "{prov}省立医院", "{city}医学院附属医院", "{city}第六人民医院", "{city}仁济医院",
                     "{city}传染病医院", "{city}精神卫生中心", "{city}儿童医院", "{district}人民医院"]

CLINICAL_DEPTS = ["心血管内科", "呼吸与危重症医学科", "消化内科", "神经内科", "内分泌科", "肾内科", "血液科",
                  "感染科", "普通外科", "骨科", "神经外科", "心胸外科", "泌尿外科", "妇科", "产科", "儿科",
                  "新生儿科", "眼科", "耳鼻咽喉科", "口腔科", "皮肤科", "康复医学科", "急诊科", "重症医学科",
                  "麻醉科", "肿瘤科", "老年医学科", "中医科", "风湿免疫科", "全科医学科", "疼痛科",
                  "烧伤整形科", "肝胆外科", "胃肠外科", "甲乳外科", "介入科", "核医学科", "营养科"]
SPECIAL_DEPTS = ["精神科", "心理卫生科", "生殖医学中心", "性病门诊", "艾滋病诊疗中心", "遗传咨询门诊"]
TECH_DEPTS = ["放射科", "超声医学科", "检验科", "病理科", "药学部", "输血科", "心电图室", "内镜中心",
              "消毒供应中心", "高压氧科"]
ADMIN_DEPTS = ["院长办公室", "党委办公室", "医务处", "护理部", "人力资源部", "财务处", "审计处",
               "医学装备部", "总务处", "基建处", "保卫处", "信息中心", "科研处", "教育处", "质量管理办公室",
               "医院感染管理科", "宣传中心", "档案室", "采购中心", "工会", "纪检监察室", "保密办公室",
               "后勤保障部", "医保办公室", "门诊部", "离退休工作处", "团委", "药事管理办公室"]

# (diagnosis, ICD-10, department, special category or None, symptom phrase)
DIAGNOSES = [
    ("社区获得性肺炎", "J18.9", "呼吸与危重症医学科", None, "发热、咳嗽、咳黄痰"),
    ("慢性阻塞性肺疾病急性加重", "J44.1", "呼吸与危重症医学科", None, "反复咳嗽咳痰、活动后气促加重"),
    ("支气管哮喘", "J45.9", "呼吸与危重症医学科", None, "发作性喘息、胸闷"),
    ("肺恶性肿瘤", "C34.9", "肿瘤科", None, "刺激性干咳、痰中带血"),
    ("原发性高血压3级", "I10", "心血管内科", None, "头晕、头痛"),
    ("冠状动脉粥样硬化性心脏病", "I25.1", "心血管内科", None, "活动后胸闷、胸痛"),
    ("急性前壁心肌梗死", "I21.0", "心血管内科", None, "持续性胸骨后压榨样疼痛"),
    ("慢性心力衰竭", "I50.9", "心血管内科", None, "双下肢水肿、夜间阵发性呼吸困难"),
    ("心房颤动", "I48", "心血管内科", None, "心悸、乏力"),
    ("脑梗死", "I63.9", "神经内科", None, "左侧肢体无力、言语不清"),
    ("脑出血", "I61.9", "神经外科", None, "突发头痛、呕吐、意识障碍"),
    ("帕金森病", "G20", "神经内科", None, "静止性震颤、行动迟缓"),
    ("癫痫", "G40.9", "神经内科", None, "反复发作性意识丧失伴四肢抽搐"),
    ("偏头痛", "G43.9", "神经内科", None, "反复发作性单侧搏动性头痛"),
    ("2型糖尿病", "E11.9", "内分泌科", None, "多饮、多尿、体重下降"),
    ("甲状腺功能亢进症", "E05.9", "内分泌科", None, "心悸、多汗、消瘦"),
    ("甲状腺结节", "E04.1", "甲乳外科", None, "体检发现颈部肿物"),
    ("慢性肾脏病5期", "N18.5", "肾内科", None, "乏力、纳差、尿量减少"),
    ("泌尿道感染", "N39.0", "肾内科", None, "尿频、尿急、尿痛"),
    ("肾结石", "N20.0", "泌尿外科", None, "腰部绞痛、肉眼血尿"),
    ("良性前列腺增生", "N40", "泌尿外科", None, "进行性排尿困难"),
    ("急性阑尾炎", "K35.8", "普通外科", None, "转移性右下腹痛"),
    ("胆囊结石伴慢性胆囊炎", "K80.1", "肝胆外科", None, "右上腹隐痛、进食油腻后加重"),
    ("急性胰腺炎", "K85.9", "消化内科", None, "上腹部持续性疼痛向腰背部放射"),
    ("十二指肠溃疡", "K26.9", "消化内科", None, "反复上腹痛、反酸"),
    ("上消化道出血", "K92.2", "消化内科", None, "呕血、黑便"),
    ("肝硬化失代偿期", "K74.6", "消化内科", None, "腹胀、乏力、尿黄"),
    ("慢性乙型病毒性肝炎", "B18.1", "感染科", None, "乏力、食欲减退"),
    ("胃恶性肿瘤", "C16.9", "胃肠外科", None, "上腹部不适、消瘦"),
    ("结肠恶性肿瘤", "C18.9", "胃肠外科", None, "大便习惯改变、便中带血"),
    ("乳腺恶性肿瘤", "C50.9", "甲乳外科", None, "发现左乳肿物"),
    ("急性髓系白血病", "C92.0", "血液科", None, "发热、皮肤瘀斑"),
    ("缺铁性贫血", "D50.9", "血液科", None, "头晕、乏力、面色苍白"),
    ("股骨颈骨折", "S72.0", "骨科", None, "跌倒后右髋部疼痛、活动受限"),
    ("腰椎间盘突出症", "M51.2", "骨科", None, "腰痛伴左下肢放射痛"),
    ("膝关节骨关节炎", "M17.9", "骨科", None, "双膝关节疼痛、上下楼梯加重"),
    ("类风湿关节炎", "M06.9", "风湿免疫科", None, "双手小关节肿痛、晨僵"),
    ("痛风性关节炎", "M10.9", "风湿免疫科", None, "第一跖趾关节红肿热痛"),
    ("骨质疏松症", "M81.9", "老年医学科", None, "腰背部疼痛、身高变矮"),
    ("子宫平滑肌瘤", "D25.9", "妇科", None, "月经量增多"),
    ("卵巢囊肿", "N83.2", "妇科", None, "下腹部隐痛"),
    ("妊娠期糖尿病", "O24.4", "产科", None, "孕期糖耐量试验异常"),
    ("单胎顺产", "O80", "产科", None, "停经39周，下腹阵痛"),
    ("年龄相关性白内障", "H25.9", "眼科", None, "双眼视物模糊"),
    ("原发性开角型青光眼", "H40.1", "眼科", None, "视野缺损、眼胀"),
    ("慢性鼻窦炎", "J32.9", "耳鼻咽喉科", None, "鼻塞、流脓涕"),
    ("慢性扁桃体炎", "J35.0", "耳鼻咽喉科", None, "反复咽痛"),
    ("手足口病", "B08.4", "儿科", None, "发热、手足皮疹"),
    ("小儿支气管肺炎", "J18.0", "儿科", None, "发热、咳嗽、气促"),
    ("新生儿高胆红素血症", "P59.9", "新生儿科", None, "皮肤黄染"),
    ("带状疱疹", "B02.9", "皮肤科", None, "右侧胸背部簇集性水疱伴疼痛"),
    ("银屑病", "L40.9", "皮肤科", None, "全身红斑鳞屑"),
    ("肺结核", "A15.0", "感染科", None, "午后低热、盗汗、咳嗽"),
    ("急性胃肠炎", "A09", "急诊科", None, "腹泻、呕吐"),
    ("颅脑损伤", "S06.9", "神经外科", None, "车祸致头部外伤后意识不清"),
    ("腹股沟疝", "K40.9", "普通外科", None, "右侧腹股沟区可复性包块"),
    ("龋病", "K02.9", "口腔科", None, "牙齿遇冷热刺激痛"),
    # special categories (SPEC §2 S5): HIV/STD, psychiatric, genetic, reproductive
    ("人类免疫缺陷病毒[HIV]病", "B24", "感染科", "hiv", "反复发热、体重下降"),
    ("艾滋病合并肺孢子菌肺炎", "B20.6", "艾滋病诊疗中心", "hiv", "发热、干咳、进行性呼吸困难"),
    ("HIV抗体阳性（无症状感染期）", "Z21", "艾滋病诊疗中心", "hiv", "体检发现HIV抗体初筛阳性"),
    ("潜伏梅毒", "A53.0", "性病门诊", "std", "术前筛查发现梅毒血清学阳性"),
    ("二期梅毒", "A51.4", "皮肤科", "std", "躯干部及掌跖部皮疹"),
    ("淋病", "A54.9", "性病门诊", "std", "尿道口脓性分泌物"),
    ("尖锐湿疣", "A63.0", "性病门诊", "std", "外生殖器赘生物"),
    ("精神分裂症", "F20.9", "精神科", "psychiatric", "凭空闻声、疑人害己"),
    ("双相情感障碍", "F31.9", "精神科", "psychiatric", "情绪高涨与低落交替发作"),
    ("重度抑郁发作", "F32.2", "心理卫生科", "psychiatric", "情绪低落、兴趣减退、有消极观念"),
    ("广泛性焦虑障碍", "F41.1", "心理卫生科", "psychiatric", "紧张担心、坐立不安、失眠"),
    ("强迫障碍", "F42.9", "心理卫生科", "psychiatric", "反复洗手、反复检查"),
    ("酒精依赖综合征", "F10.2", "精神科", "psychiatric", "长期大量饮酒、停饮后手抖"),
    ("β地中海贫血（基因携带）", "D56.1", "遗传咨询门诊", "genetic", "孕前基因检测发现异常"),
    ("BRCA1致病性突变携带", "Z15.0", "遗传咨询门诊", "genetic", "家族性乳腺癌遗传咨询"),
    ("唐氏综合征高风险（产前筛查）", "O28.5", "遗传咨询门诊", "genetic", "孕中期血清学筛查高风险"),
    ("亨廷顿病", "G10", "神经内科", "genetic", "不自主舞蹈样动作、家族史阳性"),
    ("早期妊娠人工流产", "O04.9", "妇科", "reproductive", "停经7周，要求终止妊娠"),
    ("女性不孕症（拟行体外受精-胚胎移植）", "N97.9", "生殖医学中心", "reproductive", "未避孕未孕3年"),
    ("稽留流产", "O02.1", "妇科", "reproductive", "停经10周，B超提示胚胎停育"),
    ("男性不育症", "N46", "生殖医学中心", "reproductive", "婚后未育，精液分析异常"),
]

# (generic name, specification, usage, special category or None)
DRUGS = [
    ("阿莫西林胶囊", "0.25g×24粒", "0.5g po tid", None), ("头孢呋辛酯片", "0.25g×12片", "0.25g po bid", None),
    ("左氧氟沙星氯化钠注射液", "0.5g/100ml", "0.5g ivgtt qd", None), ("阿奇霉素片", "0.25g×6片", "0.5g po qd", None),
    ("注射用头孢曲松钠", "1.0g", "2.0g ivgtt qd", None), ("注射用美罗培南", "0.5g", "1.0g ivgtt q8h", None),
    ("注射用盐酸万古霉素", "0.5g", "1.0g ivgtt q12h", None), ("甲硝唑氯化钠注射液", "0.5g/100ml", "0.5g ivgtt q8h", None),
    ("氟康唑胶囊", "50mg×12粒", "150mg po qd", None), ("磷酸奥司他韦胶囊", "75mg×10粒", "75mg po bid", None),
    ("阿司匹林肠溶片", "100mg×30片", "100mg po qd", None), ("硫酸氢氯吡格雷片", "75mg×7片", "75mg po qd", None),
    ("阿托伐他汀钙片", "20mg×7片", "20mg po qn", None), ("瑞舒伐他汀钙片", "10mg×7片", "10mg po qn", None),
    ("硝苯地平控释片", "30mg×7片", "30mg po qd", None), ("苯磺酸氨氯地平片", "5mg×7片", "5mg po qd", None),
    ("缬沙坦胶囊", "80mg×7粒", "80mg po qd", None), ("厄贝沙坦片", "150mg×7片", "150mg po qd", None),
    ("琥珀酸美托洛尔缓释片", "47.5mg×7片", "47.5mg po qd", None), ("富马酸比索洛尔片", "5mg×10片", "2.5mg po qd", None),
    ("呋塞米注射液", "20mg/2ml", "20mg iv qd", None), ("螺内酯片", "20mg×100片", "20mg po qd", None),
    ("地高辛片", "0.25mg×30片", "0.125mg po qd", None), ("盐酸胺碘酮片", "0.2g×10片", "0.2g po tid", None),
    ("硝酸甘油片", "0.5mg×100片", "0.5mg 舌下含服 prn", None), ("单硝酸异山梨酯缓释片", "40mg×24片", "40mg po qd", None),
    ("低分子量肝素钙注射液", "4100IU/0.4ml", "4100IU ih q12h", None), ("华法林钠片", "2.5mg×60片", "2.5mg po qd", None),
    ("利伐沙班片", "10mg×5片", "10mg po qd", None), ("盐酸二甲双胍片", "0.5g×20片", "0.5g po tid", None),
    ("格列美脲片", "2mg×15片", "2mg po qd", None), ("阿卡波糖片", "50mg×30片", "50mg po tid", None),
    ("门冬胰岛素注射液", "300U/3ml", "6U ih tid", None), ("甘精胰岛素注射液", "300U/3ml", "12U ih qn", None),
    ("奥美拉唑肠溶胶囊", "20mg×14粒", "20mg po bid", None), ("注射用泮托拉唑钠", "40mg", "40mg ivgtt qd", None),
    ("雷贝拉唑钠肠溶片", "10mg×14片", "10mg po qd", None), ("铝碳酸镁咀嚼片", "0.5g×20片", "1.0g po tid", None),
    ("多潘立酮片", "10mg×30片", "10mg po tid", None), ("蒙脱石散", "3g×10袋", "3g po tid", None),
    ("乳果糖口服溶液", "100ml", "15ml po bid", None), ("甘草酸二铵肠溶胶囊", "50mg×24粒", "150mg po tid", None),
    ("布洛芬缓释胶囊", "0.3g×20粒", "0.3g po bid", None), ("对乙酰氨基酚片", "0.5g×12片", "0.5g po prn", None),
    ("塞来昔布胶囊", "0.2g×6粒", "0.2g po qd", None), ("盐酸曲马多缓释片", "0.1g×10片", "0.1g po q12h", None),
    ("盐酸吗啡注射液", "10mg/1ml", "5mg ih prn", None), ("地塞米松磷酸钠注射液", "5mg/1ml", "5mg iv qd", None),
    ("注射用甲泼尼龙琥珀酸钠", "40mg", "40mg ivgtt qd", None), ("醋酸泼尼松片", "5mg×100片", "30mg po qd", None),
    ("盐酸氨溴索注射液", "15mg/2ml", "30mg iv bid", None), ("孟鲁司特钠片", "10mg×5片", "10mg po qn", None),
    ("吸入用布地奈德混悬液", "1mg/2ml", "1mg 雾化吸入 bid", None), ("硫酸沙丁胺醇吸入气雾剂", "100μg×200揿", "2揿 吸入 prn", None),
    ("左甲状腺素钠片", "50μg×100片", "50μg po qd", None), ("甲巯咪唑片", "10mg×50片", "10mg po tid", None),
    ("碳酸钙D3片", "600mg×60片", "600mg po qd", None), ("阿仑膦酸钠片", "70mg×4片", "70mg po qw", None),
    ("骨化三醇软胶囊", "0.25μg×10粒", "0.25μg po qd", None), ("氯化钾缓释片", "0.5g×24片", "1.0g po tid", None),
    ("0.9%氯化钠注射液", "250ml", "250ml ivgtt qd", None), ("5%葡萄糖注射液", "500ml", "500ml ivgtt qd", None),
    ("人血白蛋白", "10g/50ml", "10g ivgtt qd", None), ("甲钴胺片", "0.5mg×20片", "0.5mg po tid", None),
    ("叶酸片", "5mg×100片", "5mg po tid", None), ("蔗糖铁注射液", "100mg/5ml", "100mg ivgtt qod", None),
    ("重组人促红素注射液", "3000IU", "3000IU ih biw", None), ("甘露醇注射液", "20% 250ml", "125ml ivgtt q8h", None),
    ("丙泊酚中/长链脂肪乳注射液", "0.2g/20ml", "遵麻醉医嘱", None), ("盐酸利多卡因注射液", "0.1g/5ml", "局部浸润", None),
    ("注射用头孢唑林钠", "1.0g", "1.0g ivgtt 术前30分钟", None), ("左乙拉西坦片", "0.5g×30片", "0.5g po bid", None),
    ("卡马西平片", "0.1g×100片", "0.1g po bid", None), ("多巴丝肼片", "0.25g×40片", "0.125g po tid", None),
    ("盐酸氨基葡萄糖胶囊", "0.24g×40粒", "0.48g po tid", None), ("复方氨基酸注射液", "250ml", "250ml ivgtt qd", None),
    ("替诺福韦酯片", "300mg×30片", "300mg po qd", "hiv"), ("拉米夫定片", "0.3g×30片", "0.3g po qd", "hiv"),
    ("依非韦伦片", "600mg×30片", "600mg po qn", "hiv"), ("多替拉韦钠片", "50mg×30片", "50mg po qd", "hiv"),
    ("注射用苄星青霉素", "120万U", "240万U im qw", "std"), ("奥氮平片", "10mg×28片", "10mg po qn", "psychiatric"),
    ("利培酮片", "1mg×20片", "2mg po bid", "psychiatric"), ("富马酸喹硫平片", "0.1g×30片", "0.2g po bid", "psychiatric"),
    ("阿立哌唑片", "5mg×20片", "10mg po qd", "psychiatric"), ("盐酸舍曲林片", "50mg×14片", "50mg po qd", "psychiatric"),
    ("草酸艾司西酞普兰片", "10mg×7片", "10mg po qd", "psychiatric"), ("碳酸锂缓释片", "0.3g×60片", "0.3g po bid", "psychiatric"),
    ("劳拉西泮片", "0.5mg×20片", "0.5mg po qn", "psychiatric"), ("米非司酮片", "25mg×6片", "遵医嘱口服", "reproductive"),
    ("米索前列醇片", "0.2mg×3片", "遵医嘱口服", "reproductive"), ("黄体酮注射液", "20mg/1ml", "20mg im qd", "reproductive"),
    ("注射用尿促性素", "75IU", "150IU im qd", "reproductive"),
]

LAB_TESTS = [  # (item, unit, low, high, decimals)
    ("白细胞计数", "×10^9/L", 3.5, 9.5, 2), ("中性粒细胞百分比", "%", 40, 75, 1), ("红细胞计数", "×10^12/L", 3.8, 5.1, 2),
    ("血红蛋白", "g/L", 115, 150, 0), ("血小板计数", "×10^9/L", 125, 350, 0), ("C反应蛋白", "mg/L", 0, 10, 1),
    ("丙氨酸氨基转移酶", "U/L", 7, 40, 0), ("天门冬氨酸氨基转移酶", "U/L", 13, 35, 0), ("总胆红素", "μmol/L", 0, 21, 1),
    ("白蛋白", "g/L", 40, 55, 1), ("肌酐", "μmol/L", 41, 81, 0), ("尿素", "mmol/L", 2.6, 7.5, 2),
    ("尿酸", "μmol/L", 155, 357, 0), ("葡萄糖", "mmol/L", 3.9, 6.1, 2), ("糖化血红蛋白", "%", 4.0, 6.0, 1),
    ("总胆固醇", "mmol/L", 0, 5.2, 2), ("甘油三酯", "mmol/L", 0, 1.7, 2), ("低密度脂蛋白胆固醇", "mmol/L", 0, 3.4, 2),
    ("钾", "mmol/L", 3.5, 5.3, 2), ("钠", "mmol/L", 137, 147, 0), ("氯", "mmol/L", 99, 110, 0),
    ("凝血酶原时间", "s", 9.4, 12.5, 1), ("国际标准化比值", "", 0.8, 1.2, 2), ("D-二聚体", "mg/L FEU", 0, 0.55, 2),
    ("降钙素原", "ng/ml", 0, 0.05, 2), ("促甲状腺激素", "mIU/L", 0.27, 4.2, 2), ("肌钙蛋白I", "ng/ml", 0, 0.04, 3),
    ("B型钠尿肽", "pg/ml", 0, 100, 0),
]
SPECIAL_LABS = {
    "hiv": [("HIV-1/2抗体（初筛）", "阳性"), ("HIV-1抗体确证试验（WB）", "阳性"), ("CD4+T淋巴细胞计数", "{n} cells/μl"),
            ("HIV-1 RNA病毒载量", "{n} copies/ml")],
    "std": [("梅毒螺旋体特异抗体（TPPA）", "阳性"), ("快速血浆反应素试验（RPR）", "阳性 1:{t}"),
            ("淋球菌培养", "阳性")],
    "psychiatric": [("汉密尔顿抑郁量表（HAMD-17）", "{n}分"), ("阳性与阴性症状量表（PANSS）", "{n}分"),
                    ("血清锂浓度", "0.{t} mmol/L")],
    "genetic": [("HBB基因检测", "检出致病变异"), ("BRCA1基因测序", "c.{n}del 致病性"), ("胎儿染色体核型分析", "47,XN,+21")],
    "reproductive": [("血人绒毛膜促性腺激素（β-hCG）", "{n} mIU/ml"), ("抗缪勒管激素", "0.{t} ng/ml"),
                     ("精液常规（精子浓度）", "{t}×10^6/ml")],
}

IMAGING = [
    ("胸部CT平扫", "双肺纹理增多，右肺下叶见斑片状高密度影，边界模糊；纵隔内未见明显肿大淋巴结；双侧胸腔未见积液。",
     "右肺下叶炎症，建议治疗后复查。"),
    ("头颅CT平扫", "左侧基底节区见斑片状低密度影，边界欠清；脑室系统未见扩张，中线结构居中。",
     "左侧基底节区腔隙性脑梗死。"),
    ("腹部彩色多普勒超声", "肝脏形态大小正常，实质回声均匀；胆囊大小约7.8cm×3.2cm，壁毛糙，腔内见多个强回声伴声影。",
     "胆囊多发结石，胆囊炎声像。"),
    ("腰椎MRI平扫", "L4/5椎间盘向左后方突出，相应硬膜囊及左侧神经根受压；腰椎生理曲度变直。",
     "L4/5椎间盘突出（左后型）。"),
    ("心脏彩色多普勒超声", "左房内径增大，左室壁运动欠协调，二尖瓣轻度反流，左室射血分数约45%。",
     "左房增大，左室收缩功能减低。"),
    ("胸部正位X线片", "两肺野透亮度可，肺纹理清晰，心影大小形态正常，双膈面光整，肋膈角锐利。", "心肺未见明显异常。"),
    ("甲状腺彩超", "甲状腺右叶见一低回声结节，大小约1.2cm×0.9cm，边界清，形态规则，内可见点状强回声。",
     "甲状腺右叶结节，TI-RADS 3类。"),
    ("右髋关节CT", "右侧股骨颈骨皮质不连续，可见透亮骨折线，断端轻度错位，周围软组织肿胀。", "右侧股骨颈骨折。"),
    ("上腹部增强CT", "胃窦部胃壁不规则增厚，最厚处约1.8cm，增强扫描不均匀强化，胃周见数枚小淋巴结。",
     "胃窦部占位，考虑胃癌，请结合胃镜病理。"),
    ("妇科超声", "子宫增大，前壁肌层内见一低回声团，大小约4.5cm×3.8cm，边界清。", "子宫肌瘤（肌壁间）。"),
]

SURGERIES = [("腹腔镜下阑尾切除术", "急性阑尾炎"), ("腹腔镜下胆囊切除术", "胆囊结石伴慢性胆囊炎"),
             ("右侧人工股骨头置换术", "股骨颈骨折"), ("经皮冠状动脉介入治疗（PCI）", "冠状动脉粥样硬化性心脏病"),
             ("甲状腺右叶切除术", "甲状腺结节"), ("腹腔镜下子宫肌瘤剔除术", "子宫平滑肌瘤"),
             ("右侧腹股沟疝无张力修补术", "腹股沟疝"), ("经尿道前列腺电切术", "良性前列腺增生"),
             ("白内障超声乳化摘除联合人工晶体植入术", "年龄相关性白内障"), ("腰椎后路椎间盘切除植骨融合内固定术", "腰椎间盘突出症"),
             ("腹腔镜下根治性远端胃大部切除术", "胃恶性肿瘤"), ("乳腺癌改良根治术", "乳腺恶性肿瘤"),
             ("负压吸引人工流产术", "早期妊娠人工流产"), ("经阴道超声引导下取卵术", "女性不孕症（拟行体外受精-胚胎移植）")]

EQUIPMENT = [  # (name, class, typical price in 10k yuan)
    ("64排螺旋CT", "大型医用设备", 800), ("1.5T磁共振成像系统", "大型医用设备", 1200),
    ("数字化X线摄影系统（DR）", "医用影像设备", 120), ("彩色多普勒超声诊断仪", "医用影像设备", 180),
    ("全自动生化分析仪", "检验设备", 150), ("全自动血细胞分析仪", "检验设备", 60), ("化学发光免疫分析仪", "检验设备", 110),
    ("实时荧光定量PCR仪", "检验设备", 45), ("血气分析仪", "检验设备", 25), ("全自动尿液分析仪", "检验设备", 30),
    ("有创呼吸机", "急救与生命支持设备", 35), ("麻醉机", "手术设备", 60), ("多参数心电监护仪", "监护设备", 6),
    ("除颤监护仪", "急救与生命支持设备", 12), ("输液泵", "治疗设备", 1.2), ("注射泵", "治疗设备", 0.9),
    ("脉动真空压力蒸汽灭菌器", "消毒灭菌设备", 55), ("血液透析机", "治疗设备", 28), ("电子胃肠镜系统", "内镜设备", 260),
    ("腹腔镜系统", "手术设备", 240), ("高频电刀", "手术设备", 15), ("LED手术无影灯", "手术设备", 18),
    ("十二导心电图机", "诊断设备", 4), ("二级生物安全柜", "实验室设备", 8), ("低温高速离心机", "实验室设备", 12),
    ("婴儿培养箱", "新生儿设备", 9), ("数字减影血管造影系统（DSA）", "大型医用设备", 900), ("医用直线加速器", "大型医用设备", 2500),
    ("眼科光学相干断层扫描仪（OCT）", "眼科设备", 75), ("牙科综合治疗台", "口腔设备", 8), ("医用冷藏箱", "冷链设备", 1.5),
    ("不间断电源（UPS）", "动力设备", 30), ("螺杆式冷水机组", "暖通设备", 160), ("柴油发电机组", "动力设备", 90),
    ("医用电梯", "特种设备", 70), ("污水处理一体化设备", "环保设备", 65), ("医用氧气汇流排", "医用气体设备", 10),
    ("中心负压吸引系统", "医用气体设备", 40), ("全自动核酸提取仪", "检验设备", 20), ("床旁超声诊断仪", "医用影像设备", 55),
]
EQUIP_BRAND_SYL = ["华", "康", "迈", "联", "泰", "瑞", "新", "安", "博", "航", "德", "晟", "源", "科", "益", "达", "鸿", "宇"]

PROJECTS = ["门急诊综合楼新建工程", "住院部大楼改扩建工程", "医技楼装修改造工程", "感染性疾病科业务用房建设项目",
            "地下停车场建设工程", "污水处理站提标改造工程", "屋面防水维修工程", "手术部洁净工程",
            "发热门诊改造工程", "中心供氧管道改造工程", "外立面节能改造工程", "科研教学楼新建工程",
            "职工食堂改建工程", "配电房增容改造工程", "康复医学中心装修工程", "智慧病房信息化改造项目",
            "院区道路及雨污分流工程", "高压氧舱用房改造工程", "档案库房改造工程", "血液透析中心扩建工程"]
COMPANY_WORDS = ["宏达", "建工", "中联", "华信", "鼎盛", "恒基", "永安", "泰和", "金诚", "远航", "天成", "明远", "瑞丰",
                 "正阳", "汇通", "嘉禾", "长城", "东方", "启明", "万象"]
COMPANY_TYPES = ["建设工程有限公司", "建筑安装工程有限公司", "医疗器械有限公司", "医疗设备有限公司", "科技有限公司",
                 "工程监理有限公司", "建筑设计研究院有限公司", "消防工程有限公司", "物业管理有限公司", "商贸有限公司"]

TITLES_MED = ["住院医师", "主治医师", "副主任医师", "主任医师"]
TITLES_NURSE = ["护士", "护师", "主管护师", "副主任护师", "主任护师"]
TITLES_OTHER = ["技师", "主管技师", "药师", "主管药师", "会计师", "高级会计师", "工程师", "高级工程师", "助理研究员", "研究员"]
EDUCATION = ["大专", "本科", "硕士研究生", "博士研究生"]
POLITICAL = ["中共党员", "共青团员", "群众", "民主党派"]
ETHNIC = ["汉族"] * 12 + ["回族", "满族", "壮族", "蒙古族", "土家族", "苗族"]

# department keyword -> substrings of plausible drug names
DEPT_DRUGS = {
    "心血管": ["阿司匹林", "氯吡格雷", "他汀", "地平", "沙坦", "洛尔", "呋塞米", "螺内酯", "地高辛", "胺碘酮", "硝酸", "肝素", "华法林", "利伐沙班"],
    "呼吸": ["阿莫西林", "头孢", "左氧氟沙星", "阿奇霉素", "氨溴索", "孟鲁司特", "布地奈德", "沙丁胺醇", "甲泼尼龙"],
    "内分泌": ["二甲双胍", "格列美脲", "阿卡波糖", "胰岛素", "左甲状腺素", "甲巯咪唑", "阿托伐他汀"],
    "消化": ["奥美拉唑", "泮托拉唑", "雷贝拉唑", "铝碳酸镁", "多潘立酮", "蒙脱石", "乳果糖", "甘草酸", "人血白蛋白"],
    "神经": ["阿司匹林", "氯吡格雷", "阿托伐他汀", "甘露醇", "左乙拉西坦", "卡马西平", "多巴丝肼", "甲钴胺"],
    "肾": ["促红素", "蔗糖铁", "骨化三醇", "碳酸钙", "呋塞米", "叶酸", "氯化钾"],
    "骨": ["塞来昔布", "布洛芬", "碳酸钙", "阿仑膦酸", "骨化三醇", "氨基葡萄糖", "低分子量肝素", "头孢唑林"],
    "外科": ["头孢", "甲硝唑", "泮托拉唑", "复方氨基酸", "氯化钠", "葡萄糖", "曲马多", "低分子量肝素"],
    "血液": ["叶酸", "蔗糖铁", "甲钴胺", "地塞米松", "人血白蛋白"],
    "儿": ["阿莫西林", "头孢", "布洛芬", "对乙酰氨基酚", "蒙脱石", "氨溴索", "布地奈德"],
    "感染": ["头孢", "左氧氟沙星", "美罗培南", "万古霉素", "奥司他韦", "氟康唑", "甘草酸"],
    "风湿": ["泼尼松", "甲泼尼龙", "塞来昔布", "叶酸", "碳酸钙"],
}

DIGITS_CN = "零壹贰叁肆伍陆柒捌玖"


def id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of a GB 11643 resident ID."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[total % 11]


def luhn_check_digit(body: str) -> str:
    """Luhn check digit to append to `body`."""
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


def amount_upper(value: float) -> str:
    """Chinese uppercase amount (大写金额), e.g. 1204.5 -> 壹仟贰佰零肆元伍角整."""
    fen_total = int(round(value * 100))
    yuan, fen_part = divmod(fen_total, 100)
    jiao, fen = divmod(fen_part, 10)
    units = ["", "拾", "佰", "仟"]
    big = ["", "万", "亿"]
    out = ""
    if yuan == 0:
        out = "零"
    else:
        groups = []
        n = yuan
        while n:
            groups.append(n % 10000)
            n //= 10000
        pending_zero = False
        for gi in range(len(groups) - 1, -1, -1):
            g = groups[gi]
            if g == 0:
                pending_zero = True
                continue
            s = ""
            digits = f"{g:04d}"
            for k, ch in enumerate(digits):
                d = int(ch)
                if d == 0:
                    if s or out:
                        pending_zero = True
                    continue
                if pending_zero and (s or out):
                    s += "零"
                pending_zero = False
                s += DIGITS_CN[d] + units[3 - k]
            out += s + big[gi]
    out += "元"
    if jiao == 0 and fen == 0:
        return out + "整"
    if jiao:
        out += DIGITS_CN[jiao] + "角"
    elif fen:
        out += "零"
    if fen:
        out += DIGITS_CN[fen] + "分"
    else:
        out += "整"
    return out


class Fields:
    """Field-value generators bound to one random stream."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    # -- basics -----------------------------------------------------------------------------
    def pick(self, seq):
        return self.rng.choice(seq)

    def sample(self, seq, k):
        return self.rng.sample(seq, k)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def num(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    # -- people -----------------------------------------------------------------------------
    def name(self, sex: str | None = None) -> str:
        r = self.rng
        surname = r.choice(SURNAMES) if r.random() < 0.985 else r.choice(SURNAMES[-8:])
        n = 1 if r.random() < 0.3 else 2
        given = "".join(r.choice(GIVEN_CHARS) for _ in range(n))
        return surname + given

    def en_name(self) -> str:
        return f"{self.pick(EN_GIVEN)} {self.pick(EN_FAMILY)}"

    def sex(self) -> str:
        return self.pick(["男", "女"])

    def region(self):
        return self.pick(REGIONS)

    def date(self, start_year=2015, end_year=2025) -> _dt.date:
        start = _dt.date(start_year, 1, 1).toordinal()
        end = _dt.date(end_year, 12, 28).toordinal()
        return _dt.date.fromordinal(self.rng.randint(start, end))

    def birth(self, min_age=1, max_age=90, ref_year=2024) -> _dt.date:
        return self.date(ref_year - max_age, ref_year - min_age)

    def cn_id(self, birth: _dt.date | None = None, sex: str | None = None, region=None) -> str:
        region = region or self.region()
        birth = birth or self.birth(18, 80)
        seq = self.rng.randint(0, 99)
        last = self.rng.choice([1, 3, 5, 7, 9]) if sex == "男" else (
            self.rng.choice([0, 2, 4, 6, 8]) if sex == "女" else self.rng.randint(0, 9))
        first17 = f"{region[0]}{birth:%Y%m%d}{seq:02d}{last}"
        return first17 + id_check_char(first17)

    def mobile(self) -> str:
        return self.pick(MOBILE_PREFIXES) + f"{self.rng.randint(0, 99999999):08d}"

    def landline(self, city: str | None = None) -> str:
        code = AREA_CODES.get(city or "", None) or self.pick(list(AREA_CODES.values()))
        n = 8 if len(code) == 3 or self.chance(0.7) else 7
        first = str(self.rng.randint(2, 8))
        return f"{code}-{first}{self.rng.randint(0, 10 ** (n - 1) - 1):0{n - 1}d}"

    def phone(self) -> str:
        return self.mobile() if self.chance(0.75) else self.landline()

    def fmt_mobile(self, m: str) -> str:
        """Mobile numbers are mostly written plainly, sometimes grouped 3-4-4 or with +86."""
        r = self.rng.random()
        if r < 0.8:
            return m
        if r < 0.92:
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        return "+86 " + m

    def bank_card(self) -> tuple[str, str]:
        bank, bin_ = self.pick(BANK_BINS)
        length = self.pick([16, 19, 19])
        body = bin_ + "".join(str(self.rng.randint(0, 9)) for _ in range(length - len(bin_) - 1))
        return bank, body + luhn_check_digit(body)

    def email(self, personal=True) -> str:
        local = self.pick(PINYIN) + self.pick(["", ".", "_"]) + self.pick(PINYIN)
        if self.chance(0.6):
            local += str(self.rng.randint(1, 999))
        return f"{local}@{self.pick(EMAIL_DOMAINS)}"

    def address(self, region=None, full=True) -> str:
        region = region or self.region()
        _, prov, city, dist = region
        head = (prov if prov == city else prov + city) + dist
        street = f"{self.pick(STREETS)}{self.rng.randint(1, 399)}号"
        if full and self.chance(0.7):
            street += f"{self.pick(ESTATES)}{self.rng.randint(1, 30)}栋{self.rng.randint(1, 28)}0{self.rng.randint(1, 6)}室"
        return head + street

    def mrn(self, kind="住院号") -> str:
        r = self.rng
        if kind == "门诊号":
            return f"MZ{r.randint(2015, 2025)}{r.randint(0, 9999999):07d}"
        if kind == "病案号":
            return f"{r.randint(100000, 2999999):07d}"
        if kind == "就诊卡号":
            return f"{r.randint(10**11, 10**12 - 1)}"
        return self.pick(["ZY", "", ""]) + f"{r.randint(2015, 2025)}{r.randint(0, 999999):06d}"

    def insurance_no(self) -> str:
        r = self.rng
        if self.chance(0.5):
            return f"{self.pick(REGIONS)[0][:4]}{r.randint(0, 10**12 - 1):012d}"
        return f"{self.pick('ABCDEHJK')}{r.randint(10**8, 10**9 - 1)}"

    def staff_no(self) -> str:
        return f"{self.pick(['', 'GH', 'RS'])}{self.rng.randint(10000, 99999)}"

    # -- institutions -----------------------------------------------------------------------
    def hospital(self, region=None) -> dict:
        region = region or self.region()
        _, prov, city, dist = region
        pat = self.pick(HOSPITAL_PATTERNS)
        prov_short = prov.replace("省", "").replace("壮族自治区", "").replace("回族自治区", "")
        prov_short = prov_short.replace("维吾尔自治区", "").replace("自治区", "").replace("市", "")
        name = pat.format(city=city, prov=prov_short, district=dist)
        abbrev = {"第一人民医院": "一院", "第二人民医院": "二院", "第三人民医院": "三院", "中心医院": "中心院",
                  "中医医院": "中医院", "妇幼保健院": "妇幼", "{city}人民医院": "人医", "中西医结合医院": "中西医",
                  "省立医院": "省医", "医学院附属医院": "附院", "第六人民医院": "六院", "仁济医院": "仁济",
                  "传染病医院": "传染病院", "精神卫生中心": "精卫", "儿童医院": "儿院", "{district}人民医院": "区医院"}
        key = pat.split("}")[-1] if pat.split("}")[-1] not in ("人民医院",) else pat
        place = (dist if "{district}" in pat else prov_short if "{prov}" in pat else city).rstrip("市区县")
        short = place[:2] + abbrev.get(key, "院")
        return {"name": name, "short": short, "region": region, "city": city,
                "address": f"{city}{dist}{self.pick(STREETS)}{self.rng.randint(1, 300)}号"}

    def company(self, kind: str | None = None, region=None) -> str:
        region = region or self.region()
        kinds = [t for t in COMPANY_TYPES if kind is None or kind in t] or COMPANY_TYPES
        return region[2].replace("市", "") + self.pick(COMPANY_WORDS) + self.pick(kinds)

    def dept(self) -> str:
        return self.pick(CLINICAL_DEPTS)

    def admin_dept(self) -> str:
        return self.pick(ADMIN_DEPTS)

    def diagnosis(self, special: bool | str | None = None):
        """A diagnosis tuple. special=True: special category; False: ordinary; a string: that group."""
        if special is None:
            pool = DIAGNOSES
        elif special is True:
            pool = [d for d in DIAGNOSES if d[3]]
        elif special is False:
            pool = [d for d in DIAGNOSES if not d[3]]
        else:
            pool = [d for d in DIAGNOSES if d[3] == special]
        return self.pick(pool)

    def drugs(self, k: int, special: str | None = None, dept: str | None = None):
        """k drugs; plausible for the department when given; the first one special-category
        (e.g. an antiretroviral) when `special` names a group."""
        ordinary = [d for d in DRUGS if not d[3]]
        keys = next((v for kw, v in DEPT_DRUGS.items() if dept and kw in dept), None)
        pool = [d for d in ordinary if keys and any(x in d[0] for x in keys)]
        if len(pool) < k:
            pool += self.sample([d for d in ordinary if d not in pool], k - len(pool) + 2)
        out = self.sample(pool, k)
        if special:
            sp = [d for d in DRUGS if d[3] == special]
            if sp:
                out[0] = self.pick(sp)
        return out

    def equipment(self):
        return self.pick(EQUIPMENT)

    def model_no(self) -> str:
        r = self.rng
        return f"{self.pick('ABCDEGHKMPSTX')}{self.pick('ABCDEGHKMPSTX')}-{r.randint(100, 9900)}{self.pick(['', 'A', 'B', 'Pro', 'Plus', 'S'])}"

    def brand(self) -> str:
        return "".join(self.sample(EQUIP_BRAND_SYL, 2))

    def serial(self) -> str:
        return f"{self.pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}{self.rng.randint(10**8, 10**9 - 1)}"

    def project(self) -> str:
        return self.pick(PROJECTS)

    # -- numbers and dates ------------------------------------------------------------------
    def money(self, lo: float, hi: float) -> float:
        return round(self.rng.uniform(lo, hi), 2)

    @staticmethod
    def fmt_money(v: float, symbol="¥") -> str:
        return f"{symbol}{v:,.2f}"

    def fmt_date(self, d: _dt.date, style: str | None = None) -> str:
        style = style or self.pick(["cn", "cn", "iso", "dot"])
        if style == "cn":
            return f"{d.year}年{d.month}月{d.day}日"
        if style == "iso":
            return d.isoformat()
        if style == "dot":
            return f"{d.year}.{d.month:02d}.{d.day:02d}"
        if style == "en":
            return d.strftime("%d %B %Y").lstrip("0")
        return d.isoformat()

    def time(self) -> str:
        return f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}"

    def later(self, d: _dt.date, lo: int, hi: int) -> _dt.date:
        return d + _dt.timedelta(days=self.rng.randint(lo, hi))

    def doc_no(self, short: str, year: int, kind="发") -> str:
        return f"{short}{kind}〔{year}〕{self.rng.randint(1, 180)}号"
