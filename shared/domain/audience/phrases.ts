/**
 * What the rehearsal room's viewers say: short live-commerce chat in zh-CN and en for every intent the
 * classifier knows, plus plain chatter. `{name}` is the product, `{price}` its price, `{phone}` a made-up phone
 * number (so redaction shows in rehearsal too).
 */
export type PhraseIntent = 'purchase' | 'price_objection' | 'question' | 'complaint' | 'praise' | 'chatter';
export type PhraseLang = 'zh' | 'en';

export const PHRASES: Readonly<Record<PhraseLang, Readonly<Record<PhraseIntent, readonly string[]>>>> = {
  zh: {
    purchase: ['扣1', '1', '111', '上链接', '上链接！！', '已拍', '拍了拍了', '已下单', '已付款', '我要{name}', '{name}拍了两件', '冲冲冲，已拍', '还有库存吗，我要买', '拍一单试试', '快上链接', '给我妈也拍了一个'],
    price_objection: ['太贵了', '{price}有点贵', '能便宜点吗', '比某宝贵多了', '有没有优惠券', '等降价再买', '这个价格不值', '上次直播比这便宜', '贵了贵了', '能不能再降一点'],
    question: ['多少钱', '多少钱？', '有没有大码', '什么时候发货', '包邮吗', '{name}是什么材质', '敏感肌能用吗', '有几个颜色', '可以退换吗', '主播多高多重', '{name}怎么用', '有赠品吗'],
    complaint: ['上次买的还没发货', '质量太差了', '客服不回消息', '收到就坏了', '退款一直没到账', '尺码不准', '物流太慢了', '订单有问题，打我电话{phone}', '买了就降价，不开心', '发错货了'],
    praise: ['主播好美', '好看！', '质量很好，回购了', '{name}真的绝了', '爱了爱了', '讲解得很清楚', '性价比超高', '上次买的很好用', '主播声音好好听', '太值了'],
    chatter: ['来了来了', '哈哈哈', '晚上好', '刚进来', '主播好', '666', '第一次来', '点赞点赞', '打卡', '前排'],
  },
  en: {
    purchase: ['just ordered', 'bought 2!', 'link please', 'added to cart, done', 'I want the {name}', 'ordered one for my mom', 'take my money', 'purchased', 'ordered!', 'getting one right now'],
    price_objection: ['too expensive', '{price} is a lot', 'can you do a discount?', 'cheaper on amazon', 'I will wait for a sale', 'any coupon code?', 'not worth {price}', 'price is too high'],
    question: ['how much?', 'does it ship to Canada?', 'what sizes are there?', 'is it waterproof?', 'how long is shipping?', 'can I return it?', 'what material is the {name}?', 'what colors does it come in?'],
    complaint: ['my order never arrived', 'it broke after two days', 'customer service ignores me', 'still waiting for my refund', 'wrong size was sent', 'the quality is terrible', 'call me at {phone} about my order', 'package came damaged'],
    praise: ['love it!', 'looks amazing', 'great quality, bought it last week', 'you explain so well', 'the {name} is gorgeous', 'best live ever', 'such a good deal', 'my favourite host'],
    chatter: ['hi from Berlin', 'hello everyone', 'lol', 'just joined', 'good evening', 'first time here', 'hi!', 'watching from Toronto'],
  },
};

/** How often each kind of comment comes, roughly as in a busy live-commerce room. */
export const INTENT_WEIGHTS: readonly (readonly [PhraseIntent, number])[] = [
  ['purchase', 0.22],
  ['question', 0.2],
  ['praise', 0.15],
  ['price_objection', 0.08],
  ['complaint', 0.06],
  ['chatter', 0.29],
];

export const NAMES: Readonly<Record<PhraseLang, readonly string[]>> = {
  zh: ['小鹿', '橘子汽水', '阿紫', '奶茶不加糖', '大白', '春天里', '糖糖', '王姐', '不吃香菜', '夏夜晚风', '小胖', '豆豆妈'],
  en: ['Amy', 'jake_88', 'Lina', 'mike.t', 'Sofia', 'Chris', 'ella_b', 'Tom', 'nina22', 'Sam'],
};

export const GIFTS: readonly { readonly zh: string; readonly en: string; readonly minor: number }[] = [
  { zh: '小心心', en: 'Heart', minor: 10 },
  { zh: '玫瑰', en: 'Rose', minor: 100 },
  { zh: '啤酒', en: 'Beer', minor: 200 },
  { zh: '墨镜', en: 'Sunglasses', minor: 2_000 },
  { zh: '跑车', en: 'Sports car', minor: 120_000 },
  { zh: '嘉年华', en: 'Carnival', minor: 300_000 },
];
