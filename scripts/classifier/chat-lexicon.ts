// Hand-written templates ("fragments") and slot lexicons for the synthetic live-commerce chat set.
// Authored for this project; see resources/datasets/chat/README.md for the label definitions they follow.
//
// A fragment is a short chat line pattern with {SLOT}s, carrying its own sentiment and intents. The
// generator expands fragments, sometimes joins two of them into one message, and decorates them
// (particles, punctuation, emoji, emoticon codes). Label rules the fragments follow:
//   purchase         wants to buy or has just bought (扣1, 上链接, 已拍, link pls, just ordered, missed it)
//   price_objection  says the price is too high, compares it unfavourably, or haggles (太贵了, 能便宜点吗, too pricey)
//   question         asks for information the host or staff can answer (多少钱, 还有货吗, how much, sold out?)
//   complaint        reports a problem with a product, an order, the service or the stream (质量太差, 卡了, never arrived)
//   praise           compliments or thanks the product, host or show (主播好美, 666, love it)
//   sentiment        positive = approval, joy, excitement; negative = displeasure, anger, disappointment;
//                    neutral = plain requests, questions, greetings, and messages that mix praise with objection.
import type { Intent, Sentiment } from '../../shared/domain/classifier/model.js';

export interface FragmentGroup {
  readonly s: Sentiment;
  readonly i: readonly Intent[];
  readonly t: readonly string[];
}

export type Lexicon = Readonly<Record<string, readonly string[]>>;

export const ZH_SLOTS: Lexicon = {
  P: ['这个', '这件', '这款', '这条裙子', '这个口红', '这个面膜', '3号链接', '5号', '刚才那个', '这双鞋', '这套', '这个锅', '这款精华', '这件外套', '这个包', '小黄车里那个', '这个颜色', '2号宝贝', '这个零食', '这瓶', '这支', '1号', '这个粉底', '这条裤子', '这件卫衣', '这盒'],
  H: ['主播', '宝宝', '姐姐', '小姐姐', '主播姐姐', '老板', '哥', '老师', '家人们', '美女'],
  N: ['1', '2', '3', '两', '三', '5'],
  SZ: ['S码', 'M码', 'L码', 'XL', '2XL', '37码', '38码', '均码', '大码', '小码'],
  HT: ['155', '160', '165', '170', '158'],
  WT: ['90', '100', '110', '120', '130'],
  PR: ['199', '99', '59.9', '129', '299', '39.9', '9.9', '168', '388', '69'],
  SHOP: ['淘宝', '拼多多', '超市', '官网', '别家', '京东', '实体店', '线下'],
  DAYS: ['3', '5', '7', '十', '半个月', '一周'],
  CITY: ['广州', '杭州', '上海', '成都', '东北', '河南', '深圳', '北京'],
  COLOR: ['黑色', '白色', '红色', '杏色', '蓝色', '粉色', '奶白'],
  BODY: ['油皮', '干皮', '敏感肌', '混油', '孕妇', '学生党', '小个子', '微胖'],
};

export const EN_SLOTS: Lexicon = {
  P: ['this', 'this one', 'the red one', 'the dress', 'the lipstick', 'item 3', '#3', 'the jacket', 'the blue set', 'that serum', 'the mug', 'the bag', 'the black hoodie', 'the first one', 'the sneakers', 'the skillet', 'the necklace', 'this set', 'the green top', 'number 5'],
  H: ['girl', 'sis', 'babe', 'queen', 'guys', "y'all", 'hun'],
  N: ['1', '2', '3', 'two', 'one', 'three'],
  SZ: ['XS', 'S', 'small', 'medium', 'M', 'large', 'L', 'XL', '2XL', 'size 8', 'size 10', 'a 7.5'],
  PR: ['$49', '$89', '$120', '$35', '$199', '$15', '$60', '$25'],
  SHOP: ['amazon', 'walmart', 'target', 'shein', 'the website', 'temu', 'costco'],
  DAYS: ['2', '3', '4', 'two', 'three', 'six'],
  CITY: ['texas', 'london', 'manila', 'toronto', 'ohio', 'sydney', 'florida', 'chicago'],
  COUNTRY: ['canada', 'the uk', 'australia', 'mexico', 'germany', 'the philippines'],
  COLOR: ['black', 'white', 'pink', 'navy', 'beige', 'green'],
};

/** Tails added to a line, by the sentiment they carry. */
export const ZH_TAILS = {
  positive: ['[赞]', '[爱心]', '[鼓掌]', '[玫瑰]', '[哈哈]', '[色]', '[给力]', '[偷笑]', '[666]', '😍', '👍', '❤️', '🔥', '🥰', '👏', '✨', '💯', '😘', '🎉', '[比心]'],
  negative: ['[怒]', '[流泪]', '[抓狂]', '[衰]', '[撇嘴]', '[白眼]', '[难过]', '[鄙视]', '😡', '😤', '💔', '🙄', '😭', '👎', '😒', '😞'],
  question: ['[疑问]', '🤔', '？', '??', '?', '？？'],
  neutral: ['', '。', '~', '!', '！'],
};

export const EN_TAILS = {
  positive: ['😍', '🔥', '❤️', '👏', '🙌', '💯', '🥰', '✨', '😊', '🎉', '💕', '!!', '!!!', '❤️❤️', '🔥🔥'],
  negative: ['😡', '😤', '🙄', '👎', '💔', '😒', '😩', '😭', 'smh', 'ugh', '😑'],
  question: ['?', '??', '🤔', '?!'],
  neutral: ['', '.', '!', ' lol', ' pls'],
};

export const ZH_FRAGMENTS: readonly FragmentGroup[] = [
  {
    s: 'neutral',
    i: ['purchase'],
    t: [
      '扣1', '1', '11', '111', '扣{N}', '上链接', '快上链接', '上车', '已拍', '拍了', '拍了{N}单', '已下单', '下单了', '要了', '我要',
      '我要{N}件', '{P}我要了', '给我留一件', '想要', '求链接', '蹲链接', '蹲一个', '等链接', '再上一次链接', '加购了', '已加购', '付款了',
      '刚付款', '{P}拍了', '拍{N}个', '{SZ}拍了', '拍了{COLOR}', '要{COLOR}的', '{COLOR}{SZ}来一件', '下单{N}份', '拍了拍了', '已付款',
      '我也要', '+1', '给我来{N}个', '{P}要{N}个', '先拍为敬', '已经拍下了', '囤了{N}箱', '给我妈也拍了一件', '又拍了一单', '补了一单',
      '拍了{N}件{SZ}', '上{P}', '{P}上链接', '链接发一下', '把链接挂上', '我要{COLOR}{SZ}', '给我上{P}', '马上拍', '这就去拍',
    ],
  },
  {
    s: 'neutral',
    i: ['purchase', 'question'],
    t: [
      '链接在哪', '怎么买', '怎么拍', '{P}怎么下单', '在哪里拍', '几号链接我要', '{P}在几号链接 要了', '怎么领券下单', '拍了什么时候发', '已拍 几天能到',
      '拍了{SZ}能换吗', '我要{N}件能便宜吗', '怎么没有链接', '小黄车哪个是', '拍哪个链接', '{P}还能拍吗', '拍了能改地址吗', '下单了备注颜色可以吗',
    ],
  },
  {
    s: 'positive',
    i: ['purchase'],
    t: [
      '冲冲冲', '买买买', '必须拿下', '{P}拿下', '抢到了', '抢到了开心', '终于抢到了', '拍到了哈哈', '冲鸭', '果断下单', '毫不犹豫拍了', '手快抢到了',
      '已拍 期待', '拍了拍了好开心', '囤起来', '闭眼入', '必入', '又剁手了哈哈', '钱包空了但开心', '冲了冲了', '秒拍',
    ],
  },
  {
    s: 'negative',
    i: ['purchase'],
    t: ['没抢到', '手慢了没抢到', '又没抢到', '怎么一上就没了', '刚点进去就没了', '秒没', '抢不到啊', '为什么拍不了', '付款失败了', '一直付不了款'],
  },
  {
    s: 'negative',
    i: ['purchase', 'question'],
    t: ['没抢到 还会补货吗', '没抢到还有吗', '拍不了怎么回事', '付款失败怎么办', '没抢到能加库存吗', '秒没了 还上吗'],
  },
  {
    s: 'negative',
    i: ['price_objection'],
    t: [
      '太贵了', '好贵', '{P}太贵了', '贵了', '这么贵', '价格太高了', '比{SHOP}贵多了', '{PR}也太贵了吧', '{PR}？抢钱啊', '不值这个价', '去年才卖{PR}',
      '贵死了', '买不起', '穷哭了', '这价格劝退了', '性价比太低', '怎么又涨价了', '{SHOP}才卖{PR}', '太贵了不买了', '贵得离谱', '有点贵',
      '价格不友好', '学生党买不起', '{PR}买个寂寞', '这个价我去{SHOP}买', '比上次直播贵了', '价格虚高', '又贵又少', '智商税吧', '割韭菜呢',
      '这价格不如{SHOP}', '{P}不值{PR}', '贵了{N}十块', '太坑了这价格', '还不如{SHOP}便宜',
    ],
  },
  {
    s: 'neutral',
    i: ['price_objection'],
    t: [
      '能便宜点吗', '便宜点呗', '再便宜点', '能不能再优惠点', '降价吧', '打个折呗', '再少{N}十块吧', '便宜{N}十我就拍', '等降价再买', '再降点',
      '{PR}能少点吗', '老板便宜点', '给个优惠吧', '便宜点我就要', '能包邮吗 不包邮太贵', '再送点赠品吧', '{N}件能打折吗', '砍一刀', '优惠力度不够',
      '能不能{PR}', '价格再美丽点', '等双十一', '等活动再说', '降到{PR}就拍',
    ],
  },
  {
    s: 'negative',
    i: ['price_objection', 'question'],
    t: ['怎么涨价了？', '为什么比昨天贵', '{PR}？这么贵吗', '凭什么卖{PR}', '怎么比{SHOP}还贵', '为什么别家便宜这么多'],
  },
  {
    s: 'neutral',
    i: ['question'],
    t: [
      '多少钱', '{P}多少钱', '多少钱呀', '这个价格多少', '几号链接', '{P}是几号链接', '还有货吗', '{P}还有吗', '{SZ}还有吗', '有{SZ}吗', '什么时候发货',
      '几天发货', '发什么快递', '包邮吗', '{P}什么材质', '{P}有几个颜色', '{HT}穿什么码', '{WT}斤穿什么码', '适合{BODY}吗', '{BODY}能用吗',
      '保质期多久', '有赠品吗', '有优惠券吗', '怎么领券', '能退吗', '七天无理由吗', '是正品吗', '主播多高', '{H}穿的什么码', '可以看看背面吗',
      '洗了会缩水吗', '会掉色吗', '几点开始抢', '福袋什么时候开', '下一个上什么', '是现货吗', '预售吗', '发货地是哪', '有{COLOR}吗', '{COLOR}还有吗',
      '{P}有{SZ}吗', '到手价多少', '现在下单送什么', '能开发票吗', '偏大还是偏小', '{HT} {WT}斤穿什么码', '{P}起球吗', '容量多大', '是什么味道的',
      '怎么用', '一天用几次', '能水洗吗', '厚不厚', '透不透', '{P}和昨天的有什么区别', '能发{CITY}吗', '{CITY}几天到', '还有几单', '库存还有多少',
      '链接几号', '主播今天播到几点', '{H}能再试一下{COLOR}吗', '能不能看下细节', '{P}是什么牌子', '哪里产的', '有中文标签吗', '买一送一吗',
      '优惠券怎么用', '要加运费吗', '{N}件有优惠吗', '会补货吗', '什么时候补货', '明天还有吗',
    ],
  },
  {
    s: 'negative',
    i: ['complaint'],
    t: [
      '质量太差', '{P}质量太差了', '上次买的{P}坏了', '收到就是坏的', '还没发货', '等了{DAYS}天还没到', '半个月了还没发货', '客服不回消息', '退款还没到',
      '假货', '跟图片不一样', '色差太大', '尺码不准', '做工太粗糙', '一洗就掉色', '味道好大', '包装破了', '发错货了', '少发了一件', '卡了', '好卡',
      '声音太小了', '听不清', '画面糊了', '能不能别拖了', '一直在讲废话', '骗人', '坑人', '虚假宣传', '再也不买了', '差评', '要退货', '物流太慢了',
      '踩雷了', '用了过敏', '穿了一次就开线了', '上次买的一直没发', '客服态度太差', '退货不给退', '跟描述不符', '过期了', '漏液了', '碎了',
      '卡成PPT了', '黑屏了', '主播别磨叽了', '太吵了', '{P}根本不好用', '用了烂脸', '小了一码', '线头好多', '一股塑料味', '东西都是坏的',
      '上次的还没退款', '快递丢了没人管', '说好的赠品没有', '买了就降价 不开心', '鞋子磨脚', '洗一次就变形',
    ],
  },
  {
    s: 'negative',
    i: ['complaint', 'question'],
    t: [
      '我的怎么还没发货', '退款什么时候到', '坏了怎么办', '客服怎么不回', '为什么还不发货', '收到破的怎么处理', '发错了找谁', '赠品怎么没有',
      '什么时候才发货啊等了{DAYS}天', '我的订单怎么取消了', '质量这么差能退吗', '怎么又卡了', '声音怎么没了', '怎么没声音',
    ],
  },
  {
    s: 'positive',
    i: ['praise'],
    t: [
      '主播好美', '主播好漂亮', '{H}好美', '666', '6666', '好看', '{P}好好看', '太好看了', '绝了', 'yyds', '爱了爱了', '质量很好', '{P}真的好用',
      '上次买的很好用', '性价比超高', '好便宜', '主播讲得真好', '声音好好听', '穿上好显瘦', '颜色太正了', '宝藏主播', '支持主播', '必须支持',
      '主播辛苦了', '好喜欢', '喜欢', '超级好吃', '物流好快', '包装好精致', '真心推荐', '谢谢主播', '{H}太可爱了', '好有气质', '显白', '好香',
      '质量没得说', '价格好实惠', '又美又便宜', '效果真的好', '用了一个月皮肤变好了', '老粉了 一直支持', '宝宝们放心买 真的好', '一点都不踩雷',
      '良心主播', '这价格太划算了', '绝绝子', '好评', '{P}太绝了', '{COLOR}好看', '穿着好舒服', '手感好好', '讲解好专业', '主播人美心善',
      '福利太好了', '直播间氛围真好', '这个发型好看', '{H}今天好好看', '8错', '牛', 'nb', '好用到哭', '真的很值', '太香了',
    ],
  },
  {
    s: 'positive',
    i: ['praise', 'purchase'],
    t: ['回购了', '已经回购{N}次了', '回购第{N}次', '好用 再拍{N}个', '好看 已拍', '质量好 又买了', '上次买的好用 再来{N}单', '太划算了 拍了', '喜欢 下单了', '颜色好看 要了'],
  },
  {
    s: 'positive',
    i: ['praise', 'question'],
    t: ['好好看 有{SZ}吗', '主播好美 穿的什么码', '这个好看 还有{COLOR}吗', '好喜欢 什么时候发货', '主播皮肤好好 用的什么', '好看 多少钱'],
  },
  {
    s: 'neutral',
    i: ['praise', 'price_objection'],
    t: ['好看但是太贵了', '喜欢是喜欢 就是贵', '质量好但价格有点高', '好用就是太贵', '东西不错 能便宜点吗'],
  },
  {
    s: 'negative',
    i: ['complaint', 'price_objection'],
    t: ['又贵质量又差', '这么贵还掉色', '贵还不好用', '价格高 做工差', '{PR}买了个垃圾'],
  },
  {
    s: 'positive',
    i: [],
    t: ['哈哈哈', '哈哈哈哈笑死', '笑死我了', '抽到福袋了', '中奖了', '好开心', '哈哈哈主播好逗', '太搞笑了', '周末快乐', '开心', '嘿嘿', 'xswl', '中了中了', '期待'],
  },
  {
    s: 'neutral',
    i: [],
    t: [
      '来了', '来了来了', '晚上好', '在', '打卡', '第一次来', '刚来', '路过', '看看', '先看看', '上班偷看', '{CITY}的来报到', '关注了', '点赞', '早上好',
      '我回来了', '吃饭了吗', '在看', '嗯嗯', '好的', '知道了', '收到', '看完再说', '我再想想', '考虑一下', '{CITY}的', '刷到了', '进来看看',
    ],
  },
  {
    s: 'negative',
    i: [],
    t: ['唉', '好累', '今天好倒霉', '心累', '烦死了', '不开心', '好难过', '无语', '哭了', '崩溃'],
  },
];

export const EN_FRAGMENTS: readonly FragmentGroup[] = [
  {
    s: 'neutral',
    i: ['purchase'],
    t: [
      'link pls', 'link please', 'drop the link', 'need the link', 'i want it', 'i want one', "i'll take {N}", "I'll take one", 'ordered', 'just ordered',
      'just ordered {P}', 'bought it', 'bought {N}', 'got it', 'added to cart', 'in my cart', 'checking out now', 'purchased', 'copped', 'copped {N}',
      'i need {P}', 'gimme', 'mine', 'me', '1', '+1', 'same, ordered', 'adding {P} to cart', 'put me down for {N}', 'want {P} in {SZ}', 'buying rn',
      'ordered {P} in {COLOR}', 'i want the {COLOR} one', 'ordered the {SZ}', 'claiming {P}', 'sold', 'i want {N}', 'got {N} in {SZ}', 'order placed',
      'paid', 'just paid', 'checked out', 'add me', 'ill take it', 'want', 'reserve one for me', 'post the link', 'link?? i want it', 'grabbing {N}',
    ],
  },
  {
    s: 'neutral',
    i: ['purchase', 'question'],
    t: [
      "where's the link", 'how do i order', 'how do I buy this', 'can I get {N}', 'how do i check out', 'which link is {P}, want it', 'where do i buy',
      'can i still order {P}', 'ordered, when does it ship', 'can i order {N} in {SZ}?', 'how do i claim', 'is the link up? want it', 'just ordered, can i change the size',
    ],
  },
  {
    s: 'positive',
    i: ['purchase'],
    t: [
      'take my money', 'sold!', 'instant buy', 'had to get it', 'yes ordering!', 'ordered and so excited', 'got one yay', 'cant wait to get mine', 'buying all of them',
      'just copped, so hyped', 'ordered, love a good deal', 'grabbed it before it sold out', 'adding everything to cart lol', 'need need need',
    ],
  },
  {
    s: 'negative',
    i: ['purchase'],
    t: ['missed it', 'missed it again', 'sold out before i could buy', 'it sold out so fast', 'checkout keeps failing', "payment won't go through", "couldn't get one", 'too slow, missed out'],
  },
  {
    s: 'negative',
    i: ['purchase', 'question'],
    t: ['missed it, will you restock?', 'checkout failed, what do i do', "link isn't working, how do i buy", 'sold out?? will there be more'],
  },
  {
    s: 'negative',
    i: ['price_objection'],
    t: [
      'too pricey', 'too expensive', '{P} is too expensive', 'way too expensive', "that's a lot", 'overpriced', '{PR}?? no way', '{PR} for that', 'pricey',
      'cheaper on {SHOP}', "it's cheaper at {SHOP}", 'not worth {PR}', "i can't afford that", "can't afford it", 'price is too high', 'lol at that price',
      'nope, too much', 'way overpriced', "that's a rip off", 'price is crazy', '{SHOP} has it for less', 'too rich for me', 'who pays {PR} for this',
      'thats steep', 'expensive af', 'broke just looking at the price', 'not paying {PR}', 'price went up?? no thanks',
    ],
  },
  {
    s: 'neutral',
    i: ['price_objection'],
    t: [
      'any discount', 'can you do {PR}', 'lower the price pls', 'drop the price', 'make it cheaper', 'discount pls', 'can you go lower', 'cheaper please',
      'will it go on sale', 'waiting for a sale', "i'll buy if it's {PR}", 'bundle deal for {N}?', 'throw in free shipping and ill buy', 'give us a better deal',
      'price match {SHOP}?', 'can we get a promo code', 'a little lower and im in', 'do {PR} and i buy',
    ],
  },
  {
    s: 'negative',
    i: ['price_objection', 'question'],
    t: ['why is it so expensive?', 'why did the price go up?', 'why is it {PR}?', 'how is this {PR}??', 'why is {SHOP} cheaper?'],
  },
  {
    s: 'neutral',
    i: ['question'],
    t: [
      'how much', 'how much?', 'how much is {P}', 'price?', "what's the price", 'sold out?', 'is it sold out', 'still in stock?', 'do you have {SZ}', '{SZ} available?',
      'what size are you wearing', 'when does it ship', 'shipping to {COUNTRY}?', 'do you ship to {COUNTRY}', 'how long is shipping', 'is shipping free',
      'what material', 'is it waterproof', 'is it vegan', 'what colors', 'can you show the back', 'does it come in {COLOR}', 'is it true to size', 'how tall are you',
      'what number is it', 'which link', 'is it real leather', 'any coupon code?', 'returns accepted?', 'how long does it last', 'does {P} come in {SZ}',
      'is {P} in stock', 'what brand is it', 'is it dishwasher safe', 'good for sensitive skin?', 'how many left', 'will you restock', 'when is the giveaway',
      "what's next", 'can you show {P} again', 'is it machine washable', 'does it run small', 'what is the fabric', 'any {COLOR}?', 'how many ml', 'where is it made',
      'is it authentic', 'what time do you go live tomorrow', 'can you try on the {SZ}', 'is there a warranty', 'how do i use it', 'ships from where',
      'how long until it arrives in {COUNTRY}', 'what link number is {P}', 'can i return it', 'is {P} heavy', 'does it stretch',
    ],
  },
  {
    s: 'negative',
    i: ['complaint'],
    t: [
      'quality is bad', '{P} broke after a day', 'still waiting for my order', 'my order never arrived', "it's been {DAYS} weeks", 'no reply from support',
      'i want a refund', 'wrong size sent', 'received the wrong item', 'item arrived damaged', 'looks nothing like the pic', 'cheap material', 'fell apart',
      'color faded after one wash', 'scam', 'fake', 'false advertising', 'never buying again', 'lagging', 'stream is lagging', "can't hear you", 'audio is bad',
      'screen froze', 'stop talking and show it', 'so boring', 'this is a waste of time', 'my package is lost', 'still no refund', 'gave me a rash',
      'the zipper broke', 'smells awful', 'arrived broken', 'missing items in my box', 'seller ignored me', 'worst purchase ever', 'ripped on first wear',
      "doesn't work", 'stopped working after {DAYS} days', 'terrible customer service', 'stream keeps freezing', 'mic is muted', 'video is blurry',
      'you keep dragging', 'my order got cancelled', 'charged twice', 'leaked everywhere', 'runs way too small, returning', 'disappointed with {P}',
    ],
  },
  {
    s: 'negative',
    i: ['complaint', 'question'],
    t: [
      'where is my order??', 'why is my refund taking so long?', 'who do i contact about a broken item', 'why has it not shipped yet', 'it broke, what now?',
      'why is the stream lagging', 'why did my order get cancelled?', "why can't i hear anything", 'wrong item arrived, how do i return it',
    ],
  },
  {
    s: 'positive',
    i: ['praise'],
    t: [
      'love it', 'love this', 'love {P}', 'so pretty', 'gorgeous', 'you look amazing', '{H} you look stunning', 'great quality', 'best host', 'obsessed',
      'obsessed with {P}', 'this is fire', 'amazing', 'beautiful', 'looks so good', 'quality is great', 'my fav', "you're the best", 'thanks for the tips',
      'great deal', 'such a good price', 'bought it last time, love it', 'slay', 'yasss', 'so cute', 'stunning', 'i love your energy', 'best stream',
      'wow', 'that color is perfect', '{P} looks amazing', 'great price', 'love the {COLOR}', 'you explain so well', 'best seller ever', 'so soft',
      'fits perfectly', 'works great', 'totally worth it', 'perfect gift', 'this is so good', 'you rock', 'love your streams', 'super comfy', 'queen',
      'cutest thing ever', 'i use it every day, love it', 'highly recommend', 'thank you {H}', 'adorable', 'incredible deal', 'fab',
    ],
  },
  {
    s: 'positive',
    i: ['praise', 'purchase'],
    t: ['ordered again, love it', 'love it, ordered {N}', 'so pretty, just bought it', 'buying another, best {P} ever', 'great deal, ordered', 'love it, link pls', 'rebuying, it was great'],
  },
  {
    s: 'positive',
    i: ['praise', 'question'],
    t: ['love it! do you have {SZ}?', 'so pretty, how much?', 'gorgeous, what color is that', 'you look amazing, what size is that', 'love this, does it come in {COLOR}?'],
  },
  {
    s: 'neutral',
    i: ['praise', 'price_objection'],
    t: ['love it but too expensive', 'pretty but pricey', 'nice but not for {PR}', 'great quality but too much money', 'cute but can you go lower'],
  },
  {
    s: 'negative',
    i: ['complaint', 'price_objection'],
    t: ['expensive and it broke', 'paid {PR} for junk', 'overpriced and cheap quality', 'too much for such bad quality'],
  },
  {
    s: 'positive',
    i: [],
    t: ['lol', 'haha', 'lmao', 'happy friday', 'yay', 'won the giveaway', 'so excited', 'good vibes', 'hahaha', 'this is fun', 'omg yes'],
  },
  {
    s: 'neutral',
    i: [],
    t: [
      'hi', 'hello from {CITY}', 'hey everyone', 'just got here', 'first time here', 'watching from work', 'hi {H}', 'good morning', "what's up", 'back again',
      'ok', 'brb', 'following', 'here', 'hello', 'evening all', 'watching', 'just browsing', 'let me think', 'maybe later', 'will check later', '{CITY} here',
    ],
  },
  {
    s: 'negative',
    i: [],
    t: ['ugh', 'sad', 'bad day', 'so tired', 'this week sucks', 'feeling down', 'ugh mondays', 'annoyed'],
  },
];

/**
 * Hand-written natural lines (not from templates): the messier, longer or mixed messages a template would
 * not produce. Each: [text, sentiment, intents].
 */
export const NATURAL_LINES: readonly (readonly [string, Sentiment, readonly Intent[]])[] = [
  ['主播 这个口红是不是偏橘啊 黄皮能涂吗', 'neutral', ['question']],
  ['刚下单了两件 颜色备注了', 'neutral', ['purchase']],
  ['姐妹们冲 这个价真的可以', 'positive', ['purchase', 'praise']],
  ['上次买的面膜用完了 再来一盒', 'positive', ['purchase', 'praise']],
  ['这锅不粘吗 会不会掉涂层', 'neutral', ['question']],
  ['等了一周快递还没动 什么情况', 'negative', ['complaint', 'question']],
  ['客服一直机器人回复 真的服了', 'negative', ['complaint']],
  ['主播今天的妆好好看[色]', 'positive', ['praise']],
  ['[哈哈][哈哈]主播笑死我了', 'positive', []],
  ['这衣服我穿肯定不好看 哈哈', 'neutral', []],
  ['昨天那个链接还能拍吗', 'neutral', ['purchase', 'question']],
  ['一百多买个杯子 有点离谱', 'negative', ['price_objection']],
  ['超市才二十几块吧', 'negative', ['price_objection']],
  ['这个价可以了 比双十一还便宜', 'positive', ['praise']],
  ['拍了两单 一单送人', 'neutral', ['purchase']],
  ['主播别光说 试一下啊', 'negative', ['complaint']],
  ['家人们这个真的好用 我用了半年', 'positive', ['praise']],
  ['有没有大码的 我一百五十斤', 'neutral', ['question']],
  ['来晚了 错过了什么', 'neutral', ['question']],
  ['收到货了 跟直播间看到的一样', 'positive', ['praise']],
  ['衣服收到了 线头一堆 失望', 'negative', ['complaint']],
  ['我等福袋', 'neutral', []],
  ['能不能先讲3号', 'neutral', ['question']],
  ['主播你声音哑了 多喝水', 'neutral', []],
  ['买过 不推荐 洗完就皱', 'negative', ['complaint']],
  ['刚刚那个零食再上一下吧 没抢到', 'negative', ['purchase']],
  ['价格还行 就是运费贵', 'neutral', ['price_objection']],
  ['这款真的绝 我已经安利给同事了', 'positive', ['praise']],
  ['今天有什么福利吗', 'neutral', ['question']],
  ['主播头发好顺 用的什么洗发水', 'positive', ['praise', 'question']],
  ['老粉来了 今天也美美的', 'positive', ['praise']],
  ['库存这么少吗 秒没', 'negative', ['purchase']],
  ['不好意思 手滑拍错了 能取消吗', 'neutral', ['question']],
  ['这个味道好奇怪 跟之前的不一样', 'negative', ['complaint']],
  ['家人们谁买过 好用吗', 'neutral', ['question']],
  ['拍了 坐等发货', 'neutral', ['purchase']],
  ['好心动 但是钱包不允许', 'neutral', ['price_objection']],
  ['又贵了二十', 'negative', ['price_objection']],
  ['声音忽大忽小的', 'negative', ['complaint']],
  ['主播你们家退货好麻烦', 'negative', ['complaint']],
  ['这颜色显黑吗', 'neutral', ['question']],
  ['给我婆婆买了一件 她很喜欢', 'positive', ['praise']],
  ['今天播多久', 'neutral', ['question']],
  ['链接呢链接呢', 'neutral', ['purchase']],
  ['买了三年了 一直回购', 'positive', ['praise', 'purchase']],
  ['你们家东西越来越贵了', 'negative', ['price_objection']],
  ['主播加油 我一直看', 'positive', ['praise']],
  ['这个是不是之前那个升级版', 'neutral', ['question']],
  ['刚进来 这个多钱', 'neutral', ['question']],
  ['多钱', 'neutral', ['question']],
  ['怎么卖', 'neutral', ['question']],
  ['价格', 'neutral', ['question']],
  ['米色有吗', 'neutral', ['question']],
  ['想要但是没钱', 'neutral', ['price_objection']],
  ['发货太慢 上次等了十天', 'negative', ['complaint']],
  ['主播 你们是不是假货啊', 'negative', ['complaint', 'question']],
  ['我上次买的那个鞋挺好的', 'positive', ['praise']],
  ['好的我拍了', 'neutral', ['purchase']],
  ['给我留两件M', 'neutral', ['purchase']],
  ['冲了 希望不踩雷', 'neutral', ['purchase']],
  ['别讲了 快上', 'neutral', ['purchase']],
  ['看起来好软 想摸', 'positive', ['praise']],
  ['真的假的 这么便宜', 'positive', ['praise']],
  ['这么便宜不会是假的吧', 'neutral', ['question']],
  ['一直在转圈 付不了款', 'negative', ['purchase', 'complaint']],
  ['页面卡住了 下不了单', 'negative', ['purchase', 'complaint']],
  ['主播拿近点 看不清', 'neutral', ['complaint']],
  ['镜头能不能拉近', 'neutral', ['question']],
  ['这件显胖', 'negative', ['complaint']],
  ['贵是贵了点 但真的好用', 'positive', ['praise']],
  ['[流泪]又没抢到', 'negative', ['purchase']],
  ['[怒]客服不理人', 'negative', ['complaint']],
  ['[赞][赞][赞]', 'positive', ['praise']],
  ['[爱心]', 'positive', []],
  ['👍👍', 'positive', ['praise']],
  ['😡😡', 'negative', []],
  ['❤️❤️❤️', 'positive', []],
  ['主播晚安 明天见', 'neutral', []],
  ['哪个色号最百搭', 'neutral', ['question']],
  ['要是再便宜二十我就买了', 'neutral', ['price_objection']],
  ['这个颜色我拍了 期待', 'positive', ['purchase']],
  ['我都买了五件了哈哈', 'positive', ['purchase']],
  ['下播了吗', 'neutral', ['question']],
  ['卡住了 刷新一下', 'negative', ['complaint']],
  ['主播今天状态不好啊', 'negative', ['complaint']],
  ['好无聊 换个产品吧', 'negative', ['complaint']],
  ['这个视频是录播吗', 'neutral', ['question']],
  ['ok I just ordered the pink one, cant wait', 'positive', ['purchase']],
  ['girl that lipstick is everything', 'positive', ['praise']],
  ['is the dress lined or see through?', 'neutral', ['question']],
  ['my package says delivered but nothing here', 'negative', ['complaint']],
  ['hi from manila!! first time catching you live', 'positive', []],
  ['wait how much was the serum again', 'neutral', ['question']],
  ['ngl that is kinda expensive for a mug', 'negative', ['price_objection']],
  ['already have 3 of these lol they are so good', 'positive', ['praise']],
  ['will you do another giveaway tonight?', 'neutral', ['question']],
  ['the audio keeps cutting out', 'negative', ['complaint']],
  ['could you hold it closer to the camera', 'neutral', ['question']],
  ['bought this last week and it already ripped', 'negative', ['complaint']],
  ['you always find the best stuff', 'positive', ['praise']],
  ['ok fine im buying it', 'neutral', ['purchase']],
  ['need it in every color', 'positive', ['purchase']],
  ['is that the same one from last week?', 'neutral', ['question']],
  ['hmm not sure about the color', 'neutral', []],
  ['lol the cat in the background', 'positive', []],
  ['can you do a discount for returning customers', 'neutral', ['price_objection']],
  ['been waiting 3 weeks for my last order, not happy', 'negative', ['complaint']],
  ['thank u for answering my question!!', 'positive', ['praise']],
  ['lmao i just spent my whole paycheck', 'positive', ['purchase']],
  ['it was cheaper yesterday', 'negative', ['price_objection']],
  ['checkout is broken, keeps spinning', 'negative', ['purchase', 'complaint']],
  ['does it come with a case', 'neutral', ['question']],
  ['hello hello', 'neutral', []],
  ['omg that deal is insane', 'positive', ['praise']],
  ['what happened to the sound??', 'negative', ['complaint', 'question']],
  ['not bad', 'positive', ['praise']],
  ['meh', 'negative', []],
  ['the fit looks weird on you tbh', 'negative', ['complaint']],
  ['do u ship international', 'neutral', ['question']],
  ['can i pay with paypal', 'neutral', ['question']],
  ['link not working', 'negative', ['purchase', 'complaint']],
  ['bought two, one for my sister', 'neutral', ['purchase']],
  ['this host is so sweet', 'positive', ['praise']],
  ['lol nah', 'neutral', []],
  ['wish it was cheaper tbh', 'neutral', ['price_objection']],
  ['i got mine yesterday and its perfect', 'positive', ['praise']],
  ['the last one i bought smelled weird', 'negative', ['complaint']],
  ['whats the code for free shipping', 'neutral', ['question']],
  ['shipping cost is more than the item lol', 'negative', ['price_objection']],
  ['you guys always sell out so fast', 'negative', ['purchase']],
  ['pls restock the blue one', 'neutral', ['purchase']],
  ['ooh i want that', 'positive', ['purchase']],
  ['is this live or a replay', 'neutral', ['question']],
  ['your setup looks so nice today', 'positive', ['praise']],
  ['way too long on this product, next', 'negative', ['complaint']],
  ['any plus sizes?', 'neutral', ['question']],
  ['got it!! thank you', 'positive', ['purchase', 'praise']],
  ['how much for shipping to canada', 'neutral', ['question']],
  ['ugh i missed the flash sale again', 'negative', ['purchase']],
  ['cool', 'positive', []],
  ['nice', 'positive', ['praise']],
  ['worth every penny', 'positive', ['praise']],
  ['is it still $49?', 'neutral', ['question']],
  ['bruh $89 for a hoodie', 'negative', ['price_objection']],
  ['👀 link', 'neutral', ['purchase']],
  ['🔥🔥', 'positive', ['praise']],
  ['💔 sold out', 'negative', ['purchase']],
  ['😂😂😂', 'positive', []],
  ['👍', 'positive', ['praise']],
  ['🙄', 'negative', []],
];
