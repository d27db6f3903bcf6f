/**
 * Traditional → simplified characters for the lint's vocabulary (share, follow, prize, price, counter and rules words),
 * so 「最終解釋權」 reads as 「最终解释权」. A focused table, not a general converter: a character it lacks stays as
 * it is, which only matters if it is part of a phrase the lint looks for (add it here then).
 */
const TRADITIONAL =
  '釋權終歸擁讚贊關註獎領轉發請幫達滿個參與禮號眾衆點擊優劵價劃線購買賣萬億試隨機運氣紅錢現額數總從這會員閱讀僅時間門專屬戶帳賬夠給獲贈傳遞連結鏈碼掃識別們為將對過還後臺體驗證實際條規則細說覽訪問計錄紀統約團幾贏輸勝負場賽熱銷搶餘庫貨無檻減張樣麼麽嗎聽讓選擇鬥齊陣誠協於設務雙獨區級廠業歷東莊長習標準話語種類單爭議決據處辦網頁圖動態開啟閉報導幣寶盤搖籤蓋瀏檢測質費郵備齡歲愛親龍鳳鮮魚雞鴨橋飲圓聯繫響環顧頭臉題應該認確職責義護隱嚴營廣舉簽屆貼評論冊畫書舊換鄰週車攜帶夥邊裡裏麵藥醫療養樂藝術觀聲視頻憑遊戲輪獻瞭陸灣兩層競絕銀鐘錶戰貳積兌鎖見櫃勵講稱隊鏡蘋電腦壓倉儲揚國';
const SIMPLIFIED =
  '释权终归拥赞赞关注奖领转发请帮达满个参与礼号众众点击优券价划线购买卖万亿试随机运气红钱现额数总从这会员阅读仅时间门专属户账账够给获赠传递连结链码扫识别们为将对过还后台体验证实际条规则细说览访问计录纪统约团几赢输胜负场赛热销抢余库货无槛减张样么么吗听让选择斗齐阵诚协于设务双独区级厂业历东庄长习标准话语种类单争议决据处办网页图动态开启闭报导币宝盘摇签盖浏检测质费邮备龄岁爱亲龙凤鲜鱼鸡鸭桥饮圆联系响环顾头脸题应该认确职责义护隐严营广举签届贴评论册画书旧换邻周车携带伙边里里面药医疗养乐艺术观声视频凭游戏轮献了陆湾两层竞绝银钟表战贰积兑锁见柜励讲称队镜苹电脑压仓储扬国';

const TABLE = new Map<string, string>([...TRADITIONAL].map((char, i) => [char, SIMPLIFIED[i] as string]));

/** The text with every traditional character of the table replaced by its simplified form. */
export const toSimplified = (text: string): string =>
  text.replace(/[\u4e00-\u9fff]/g, (char) => TABLE.get(char) ?? char);
