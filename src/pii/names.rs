//! Chinese surnames and characters that rarely occur in given names.

/// Common single-character surnames, Simplified and Traditional.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封洪胥丘林陳張劉楊黃趙吳孫許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒錢嚴龔萬顧賀龍聶顏莊歐關蘭寧紀畢單塗駱藍鮑華饒湯淩羅馬鄭謝鄔閻魯喬龐衛閆陽車鳳樂範齊聞蓋鞏鄺閔雲費壽練貝賴溫蔣蘆宮遊乜榮時農繆簡項連麥婁竇黨應邊師欒叢遲";

/// Two-character surnames.
const COMPOUND: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "尉迟", "公孙",
    "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "申屠",
];

/// Characters that end a name candidate: function words, clinical vocabulary (Simplified and
/// Traditional), placeholders.
const NOT_IN_NAME: &str = "的了在是于因为和与及等入出院术后前自诉无有以被把将对从到向由给病患者医生查房时日月年天次个再又也都就还并而或但如若即该其此这那之所可能会要应需行治疗检手科室号床岁男女性症状态度示见予经已未不请某氏姓名签字先生士任师护主诊断住址电话联系人副般醫師護診斷號簽聯繫話檢療";

/// Whether `c` is a common surname.
pub fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

/// Length in characters of the surname at the start of `chars` (2 for compound surnames).
pub fn surname_len(chars: &[char]) -> Option<usize> {
    if chars.len() >= 2 {
        let two: String = chars[..2].iter().collect();
        if COMPOUND.contains(&two.as_str()) {
            return Some(2);
        }
    }
    chars.first().filter(|&&c| is_surname(c)).map(|_| 1)
}

/// Whether `c` may be part of a given name.
pub fn can_be_in_name(c: char) -> bool {
    super::normalize::is_han(c) && !NOT_IN_NAME.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames() {
        assert_eq!(surname_len(&['欧', '阳', '娜']), Some(2));
        assert_eq!(surname_len(&['张', '三']), Some(1));
        assert_eq!(surname_len(&['的']), None);
        assert!(!can_be_in_name('某'));
    }
}
