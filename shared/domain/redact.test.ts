import { describe, expect, it } from 'vitest';
import { isValidPrcId, PLACEHOLDER, redactPii, type PiiKind } from './redact.js';

// Published sample IDs with correct check digits (GB 11643 examples); no real person's number.
const ID_X = '11010519491231002X';
const ID_DIGIT = '440524188001010014';

function expectRedacted(input: string, output: string, found: PiiKind[]): void {
  expect(redactPii(input)).toEqual({ text: output, found });
}

function expectUntouched(input: string): void {
  expect(redactPii(input)).toEqual({ text: input, found: [] });
}

describe('isValidPrcId', () => {
  it('accepts correct check digits, X in either case', () => {
    expect(isValidPrcId(ID_X)).toBe(true);
    expect(isValidPrcId(ID_X.toLowerCase())).toBe(true);
    expect(isValidPrcId(ID_DIGIT)).toBe(true);
  });

  it('rejects a wrong check digit, a wrong length and letters', () => {
    expect(isValidPrcId('110105194912310021')).toBe(false);
    expect(isValidPrcId('440524188001010015')).toBe(false);
    expect(isValidPrcId('11010519491231002')).toBe(false);
    expect(isValidPrcId('1101051949123100A2')).toBe(false);
  });
});

describe('redactPii: phones', () => {
  it.each([
    ['我的手机13812345678', '我的手机[phone]'],
    ['电话 138-1234-5678 谢谢', '电话 [phone] 谢谢'],
    ['138 1234 5678', '[phone]'],
    ['+86 138 1234 5678', '[phone]'],
    ['+8613812345678', '[phone]'],
    ['8613812345678', '[phone]'],
    ['0086-13812345678', '[phone]'],
    ['座机010-12345678', '座机[phone]'],
    ['(0755)2345 6789', '[phone]'],
    ['021 5555 1234 找王经理', '[phone] 找王经理'],
    ['call me at +44 20 7946 0958', 'call me at [phone]'],
    ['+63 917 123 4567 viber', '[phone] viber'],
    ['+49 (0)30 1234567', '[phone]'],
    ['my number is (415) 555-0132', 'my number is [phone]'],
    ['text 415.555.0132', 'text [phone]'],
    ['07911 123456', '[phone]'],
    ['call me at 555 0132 pls', 'call me at [phone] pls'],
    ['whatsapp 5550132', 'whatsapp [phone]'],
    ['手机号：１３８１２３４５６７８', '手机号：[phone]'],
  ])('%s', (input, output) => expectRedacted(input, output, ['phone']));
});

describe('redactPii: e-mails', () => {
  it.each([
    ['email me jane.doe+live@example.co.uk', 'email me [email]'],
    ['邮箱 abc_123@qq.com 发我', '邮箱 [email] 发我'],
    ['ｔｅｓｔ＠ｑｑ．ｃｏｍ', '[email]'],
    ['A.B-C@mail.example-shop.com.', '[email].'],
  ])('%s', (input, output) => expectRedacted(input, output, ['email']));
});

describe('redactPii: PRC ID numbers', () => {
  it.each([
    [`身份证${ID_X}`, '身份证[id_card]'],
    [`身份证 ${ID_X.slice(0, 6)} ${ID_X.slice(6, 14)} ${ID_X.slice(14)}`, '身份证 [id_card]'],
    [`id ${ID_DIGIT}.`, 'id [id_card].'],
    [ID_X.toLowerCase(), '[id_card]'],
  ])('%s', (input, output) => expectRedacted(input, output, ['id_card']));

  it('leaves 18-digit numbers with a wrong check digit or an impossible birth date', () => {
    expectUntouched('110105194912310021');
    expectUntouched('110105194913310028'); // month 13
    expectUntouched('订单号 110105194912310021');
  });
});

describe('redactPii: addresses', () => {
  it.each([
    ['寄到北京市朝阳区建国路88号SOHO现代城5号楼1单元1203室', '寄到[address]'],
    ['我住在上海市浦东新区张江路100弄5号', '我住在[address]'],
    ['广东省深圳市南山区科技园南区粤海街道高新南七道20号', '[address]'],
    ['杭州市西湖区文三路478号华星时代广场A座', '[address]'],
    ['收货地址：成都市武侯区人民南路四段12号3栋2单元501', '收货地址：[address]'],
    ['阳光花园小区3栋2单元1203', '[address]'],
    ['5栋1203室 放门口', '[address] 放门口'],
    ['ship to 123 Main St, Springfield, IL 62704', 'ship to [address]'],
    ['742 Evergreen Terrace', '[address]'],
    ['1600 Pennsylvania Ave NW', '[address]'],
    ['221B Baker Street please', '[address] please'],
    ['350 5th Ave, Apt 4B', '[address]'],
    ['12 north oak lane', '[address]'],
    ['PO Box 1234', '[address]'],
  ])('%s', (input, output) => expectRedacted(input, output, ['address']));

  describe('Chinese numerals and letter building numbers', () => {
    it.each([
      ['阳光花园A栋', '[address]'],
      ['我住阳光花园A栋三单元', '我住[address]'],
      ['寄到朝阳区建国路八十八号', '寄到[address]'],
      ['上海市浦东新区世纪大道一百号', '[address]'],
      ['阳光花园三号楼', '[address]'],
      ['阳光花园五栋二单元五零二室 放门口', '[address] 放门口'],
      ['幸福家园二单元', '[address]'],
      ['金色家园一零一室', '[address]'],
      ['中山一路一号', '[address]'],
      ['我住在广州市越秀区中山一路一百二十号三栋', '我住在[address]'],
      ['建国路八十八号阳光花园三号楼二单元', '[address]'],
      ['张江路一百弄五号', '[address]'],
      ['人民南路四段十二号', '[address]'],
      ['长安大街十号', '[address]'],
      ['南锣鼓巷两百号 谢谢', '[address] 谢谢'],
      ['北京市朝阳区建国路88号三号楼五零二室', '[address]'],
    ])('%s', (input, output) => expectRedacted(input, output, ['address']));

    it('finds the admin divisions before a street whose name holds a numeral', () => {
      // 一 belongs to the street name (中山一路); the place names end at 路, not at the first numeral.
      expectRedacted('寄广州市越秀区中山一路一号', '寄[address]', ['address']);
      expectRedacted('寄广州市越秀区中山一路1号', '寄[address]', ['address']);
    });
  });
});

describe('redactPii: several kinds in one message', () => {
  it('redacts each and lists each kind once, in the fixed order', () => {
    const r = redactPii(`收货地址：成都市武侯区人民南路四段12号 电话 13912345678 邮箱 a@b.cn 身份证 ${ID_X} 备用 13800001111`);
    expect(r.text).toBe('收货地址：[address] 电话 [phone] 邮箱 [email] 身份证 [id_card] 备用 [phone]');
    expect(r.found).toEqual(['phone', 'email', 'id_card', 'address']);
  });

  it('keeps an address and a phone that touch apart', () => {
    expectRedacted('建国路88号13812345678', '[address][phone]', ['phone', 'address']);
  });

  it('uses one placeholder per kind', () => {
    expect(PLACEHOLDER).toEqual({ phone: '[phone]', email: '[email]', id_card: '[id_card]', address: '[address]' });
  });
});

describe('redactPii: what must stay', () => {
  it.each([
    '¥199 拍了3件',
    '￥1299 到手价',
    '$49.99 for 2',
    '1,299 yuan',
    '价格199元 包邮',
    '3号链接多少钱',
    '我要2件M码 3号链接',
    '拍了12345678件',
    '2024-05-01 20:00开播',
    '2024/05/01',
    '10:30-11:45',
    '20号发货吗',
    'SKU-2024-001',
    'A13812345678',
    '订单号 4823910043217723',
    'order #123456789',
    '138123456789', // 12 digits: no mobile
    '深圳的来报到',
    '北京市朝阳区',
    '第3号楼的',
    '160穿什么码 120斤',
    '大家都知道20号发货',
    'take 2 on the way home',
    'i bought 3 pairs on the way',
    'buy 2 get 1 free',
    '5 star way of life',
    'the 2 day lane closure',
    'size 8 dr martens',
    'phone 15 pro max',
    'iPhone 15 256GB',
    '',
    '[哈哈]666',
    '一号链接',
    '三号链接多少钱',
    '几号发货',
    '十号发货',
    '要两件',
    '八十八块',
    '五号色号',
    '二号色',
    '第三个',
    '上架了吗',
    '百花大道真好看',
    '我要一百号码',
    '我们一起逛街三号见',
    '走路三号到',
    '老板弄三号',
    '建国路三号链接',
    '商城一号链接',
    '万达广场三号',
    '三单元',
    '五零二室',
    '我在二号楼',
    '评论区知道3号',
    '频道里说5号上新',
  ])('%s', (input) => expectUntouched(input));
});

describe('redactPii: hostile input', () => {
  // Regex backtracking must stay linear: each of these took seconds or hung before the rules were bounded.
  it.each([
    ['a long run of digits', '1'.repeat(20_000)],
    ['a long run of e-mail characters without @', 'a'.repeat(20_000) + '1'],
    ['repeated admin divisions', `${'北京市朝阳区'.repeat(1000)}1`],
    ['repeated street suffixes', `${'路'.repeat(5000)}1号`],
    ['repeated words before a number', '1 Main '.repeat(3000)],
    ['repeated plus signs', '+1 '.repeat(5000)],
    ['estate names then a building word', '花园'.repeat(10_000) + '栋'],
    ['street words then a Chinese numeral', '路'.repeat(20_000) + '一号'],
    ['Chinese numerals then 号', '一'.repeat(20_000) + '号'],
    ['streets with Chinese-numeral numbers', '建国路'.repeat(7000) + '八号'],
    ['estates then 室', '小区'.repeat(10_000) + '室'],
  ])('%s finishes quickly', (_name, input) => {
    const started = Date.now();
    redactPii(input);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
