/**
 * GET /api/v1/locations answers recorded from the backend over its UPS sandbox (Shenzhen
 * counters, Brooklyn Access Points, nothing in the Pacific, an ambiguous "Springfield") and a parcel held at an
 * Access Point, shared
 * by the tests and the previews.
 */
const SHENZHEN = {
  advice: [],
  candidates: [],
  kind: 'all',
  locations: [
    {
      access_point: null,
      address: '6008 SHENNAN BLVD, SHENZHEN, GD, 518048',
      address_lines: [
        '6008 SHENNAN BLVD',
      ],
      city: 'SHENZHEN',
      closes_at: null,
      country: 'CN',
      distance_m: 0,
      gcj02: {
        lat: 22.540383,
        lng: 114.063014,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: '周一',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 2,
          label: '周二',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 3,
          label: '周三',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 4,
          label: '周四',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 5,
          label: '周五',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 6,
          label: '周六',
          open_24h: false,
          shifts: [
            {
              close: '12:00',
              open: '09:00',
            },
          ],
          text: '09:00-12:00',
        },
        {
          closed: true,
          day: 7,
          label: '周日',
          open_24h: false,
          shifts: [],
          text: '休息',
        },
      ],
      hours_text: 'Mon-Fri: 8:00am-10:00am, 4:30pm-7:30pm; Sat: 9:00am-12:00pm; Sun: Closed',
      id: 'SZ0001',
      lat: 22.5431,
      lng: 114.0579,
      name: 'UPS CUSTOMER CENTER FUTIAN',
      open_now: false,
      opens_at: {
        day: 2,
        label: '周二',
        time: '08:00',
      },
      phone: '+86 755 8828 0001',
      timezone: 'Asia/Shanghai',
      type: {
        code: 'customer_center',
        label: 'UPS 客户服务中心',
      },
    },
    {
      access_point: null,
      address: '2 KEJI SOUTH 12TH RD, SHENZHEN, GD, 518057',
      address_lines: [
        '2 KEJI SOUTH 12TH RD',
      ],
      city: 'SHENZHEN',
      closes_at: null,
      country: 'CN',
      distance_m: 10715,
      gcj02: {
        lat: 22.537505,
        lng: 113.958491,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: '周一',
          open_24h: false,
          shifts: [
            {
              close: '18:00',
              open: '09:00',
            },
          ],
          text: '09:00-18:00',
        },
        {
          closed: false,
          day: 2,
          label: '周二',
          open_24h: false,
          shifts: [
            {
              close: '18:00',
              open: '09:00',
            },
          ],
          text: '09:00-18:00',
        },
        {
          closed: false,
          day: 3,
          label: '周三',
          open_24h: false,
          shifts: [
            {
              close: '18:00',
              open: '09:00',
            },
          ],
          text: '09:00-18:00',
        },
        {
          closed: false,
          day: 4,
          label: '周四',
          open_24h: false,
          shifts: [
            {
              close: '18:00',
              open: '09:00',
            },
          ],
          text: '09:00-18:00',
        },
        {
          closed: false,
          day: 5,
          label: '周五',
          open_24h: false,
          shifts: [
            {
              close: '18:00',
              open: '09:00',
            },
          ],
          text: '09:00-18:00',
        },
        {
          closed: false,
          day: 6,
          label: '周六',
          open_24h: false,
          shifts: [
            {
              close: '14:00',
              open: '10:00',
            },
          ],
          text: '10:00-14:00',
        },
        {
          closed: true,
          day: 7,
          label: '周日',
          open_24h: false,
          shifts: [],
          text: '休息',
        },
      ],
      hours_text: 'Mon-Fri: 9:00am-6:00pm; Sat: 10:00am-2:00pm; Sun: Closed',
      id: 'SZ0002',
      lat: 22.5405,
      lng: 113.9536,
      name: 'NANSHAN EXPRESS OUTLET',
      open_now: false,
      opens_at: {
        day: 2,
        label: '周二',
        time: '09:00',
      },
      timezone: 'Asia/Shanghai',
      type: {
        code: 'authorized_outlet',
        label: 'UPS 授权服务网点',
      },
    },
  ],
  origin: {
    gcj02: {
      lat: 22.540383,
      lng: 114.063014,
    },
    lat: 22.5431,
    lng: 114.0579,
  },
}

const BROOKLYN_AP = {
  advice: [],
  candidates: [],
  kind: 'access_point',
  locations: [
    {
      access_point: {
        availability: 'available',
        availability_label: '可寄存取件',
        id: 'U12345605',
      },
      address: '150 COURT ST, BROOKLYN, NY, 11201',
      address_lines: [
        '150 COURT ST',
      ],
      city: 'BROOKLYN',
      closes_at: null,
      country: 'US',
      distance_m: 0,
      gcj02: {
        lat: 40.6902,
        lng: -73.9918,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: '周一',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 2,
          label: '周二',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 3,
          label: '周三',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 4,
          label: '周四',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 5,
          label: '周五',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 6,
          label: '周六',
          open_24h: false,
          shifts: [
            {
              close: '12:00',
              open: '09:00',
            },
          ],
          text: '09:00-12:00',
        },
        {
          closed: true,
          day: 7,
          label: '周日',
          open_24h: false,
          shifts: [],
          text: '休息',
        },
      ],
      hours_text: 'Mon-Fri: 8:00am-10:00am, 4:30pm-7:30pm; Sat: 9:00am-12:00pm; Sun: Closed',
      id: 'US0005',
      lat: 40.6902,
      lng: -73.9918,
      name: 'COURT STREET PHARMACY (UPS ACCESS POINT)',
      open_now: false,
      opens_at: {
        day: 1,
        label: '周一',
        time: '16:30',
      },
      phone: '718-555-0150',
      timezone: 'America/New_York',
      type: {
        code: 'access_point',
        label: 'UPS 取件点',
      },
    },
    {
      access_point: {
        availability: 'available',
        availability_label: '可寄存取件',
        id: 'U12345606',
      },
      address: '110 ATLANTIC AVE, BROOKLYN, NY, 11201',
      address_lines: [
        '110 ATLANTIC AVE',
      ],
      city: 'BROOKLYN',
      closes_at: null,
      country: 'US',
      distance_m: 282,
      gcj02: {
        lat: 40.6887,
        lng: -73.9945,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: '周一',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
        {
          closed: false,
          day: 2,
          label: '周二',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
        {
          closed: false,
          day: 3,
          label: '周三',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
        {
          closed: false,
          day: 4,
          label: '周四',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
        {
          closed: false,
          day: 5,
          label: '周五',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
        {
          closed: false,
          day: 6,
          label: '周六',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
        {
          closed: false,
          day: 7,
          label: '周日',
          open_24h: true,
          shifts: [],
          text: '24 小时营业',
        },
      ],
      hours_text: 'Open 24 hours',
      id: 'US0006',
      lat: 40.6887,
      lng: -73.9945,
      name: 'UPS ACCESS POINT LOCKER ATLANTIC AVE',
      open_now: true,
      opens_at: null,
      timezone: 'America/New_York',
      type: {
        code: 'locker',
        label: 'UPS 自提柜',
      },
    },
  ],
  origin: {
    gcj02: {
      lat: 40.6902,
      lng: -73.9918,
    },
    lat: 40.6902,
    lng: -73.9918,
  },
}

const EMPTY = {
  advice: [
    {
      code: 'call_ups',
      hotline: '400-820-8555',
      text: '附近没有找到 UPS 网点。可致电 UPS 客服 400-820-8555，询问到哪里取件或寄件。',
    },
    {
      code: 'ups_website',
      text: '也可以在 UPS 官网 ups.com 的“网点查询”里扩大范围查找。',
    },
  ],
  candidates: [],
  kind: 'all',
  locations: [],
  origin: {
    gcj02: {
      lat: -30.0,
      lng: -140.0,
    },
    lat: -30.0,
    lng: -140.0,
  },
}

const CANDIDATES = {
  advice: [],
  candidates: [
    {
      gcj02: {
        lat: 39.7817,
        lng: -89.6501,
      },
      lat: 39.7817,
      lng: -89.6501,
      text: 'SPRINGFIELD, IL, US',
    },
    {
      gcj02: {
        lat: 42.1015,
        lng: -72.5898,
      },
      lat: 42.1015,
      lng: -72.5898,
      text: 'SPRINGFIELD, MA, US',
    },
    {
      gcj02: {
        lat: 37.209,
        lng: -93.2923,
      },
      lat: 37.209,
      lng: -93.2923,
      text: 'SPRINGFIELD, MO, US',
    },
    {
      gcj02: {
        lat: 39.7817,
        lng: -89.6501,
      },
      lat: 39.7817,
      lng: -89.6501,
      text: 'SPRINGFIELD, IL, US',
    },
    {
      gcj02: {
        lat: 42.1015,
        lng: -72.5898,
      },
      lat: 42.1015,
      lng: -72.5898,
      text: 'SPRINGFIELD, MA, US',
    },
    {
      gcj02: {
        lat: 37.209,
        lng: -93.2923,
      },
      lat: 37.209,
      lng: -93.2923,
      text: 'SPRINGFIELD, MO, US',
    },
  ],
  kind: 'all',
  locations: [],
  origin: null,
}

// The same search asked in English (?lang=en): labels come from the API in that language.
const BROOKLYN_AP_EN = {
  advice: [],
  candidates: [],
  kind: 'access_point',
  locations: [
    {
      access_point: {
        availability: 'available',
        availability_label: 'Accepting parcels',
        id: 'U12345605',
      },
      address: '150 COURT ST, BROOKLYN, NY, 11201',
      address_lines: [
        '150 COURT ST',
      ],
      city: 'BROOKLYN',
      closes_at: null,
      country: 'US',
      distance_m: 0,
      gcj02: {
        lat: 40.6902,
        lng: -73.9918,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: 'Mon',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 2,
          label: 'Tue',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 3,
          label: 'Wed',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 4,
          label: 'Thu',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 5,
          label: 'Fri',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 6,
          label: 'Sat',
          open_24h: false,
          shifts: [
            {
              close: '12:00',
              open: '09:00',
            },
          ],
          text: '09:00-12:00',
        },
        {
          closed: true,
          day: 7,
          label: 'Sun',
          open_24h: false,
          shifts: [],
          text: 'Closed',
        },
      ],
      hours_text: 'Mon-Fri: 8:00am-10:00am, 4:30pm-7:30pm; Sat: 9:00am-12:00pm; Sun: Closed',
      id: 'US0005',
      lat: 40.6902,
      lng: -73.9918,
      name: 'COURT STREET PHARMACY (UPS ACCESS POINT)',
      open_now: false,
      opens_at: {
        day: 1,
        label: 'Mon',
        time: '16:30',
      },
      phone: '718-555-0150',
      timezone: 'America/New_York',
      type: {
        code: 'access_point',
        label: 'UPS Access Point',
      },
    },
    {
      access_point: {
        availability: 'available',
        availability_label: 'Accepting parcels',
        id: 'U12345606',
      },
      address: '110 ATLANTIC AVE, BROOKLYN, NY, 11201',
      address_lines: [
        '110 ATLANTIC AVE',
      ],
      city: 'BROOKLYN',
      closes_at: null,
      country: 'US',
      distance_m: 282,
      gcj02: {
        lat: 40.6887,
        lng: -73.9945,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: 'Mon',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
        {
          closed: false,
          day: 2,
          label: 'Tue',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
        {
          closed: false,
          day: 3,
          label: 'Wed',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
        {
          closed: false,
          day: 4,
          label: 'Thu',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
        {
          closed: false,
          day: 5,
          label: 'Fri',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
        {
          closed: false,
          day: 6,
          label: 'Sat',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
        {
          closed: false,
          day: 7,
          label: 'Sun',
          open_24h: true,
          shifts: [],
          text: 'Open 24 hours',
        },
      ],
      hours_text: 'Open 24 hours',
      id: 'US0006',
      lat: 40.6887,
      lng: -73.9945,
      name: 'UPS ACCESS POINT LOCKER ATLANTIC AVE',
      open_now: true,
      opens_at: null,
      timezone: 'America/New_York',
      type: {
        code: 'locker',
        label: 'UPS Access Point Locker',
      },
    },
  ],
  origin: {
    gcj02: {
      lat: 40.6902,
      lng: -73.9918,
    },
    lat: 40.6902,
    lng: -73.9918,
  },
}

// A parcel left at the Brooklyn Access Point, as GET /api/v1/track returned it (event places
// as the API words them in Chinese since #27: "美国 纽约州 布鲁克林", not "BROOKLYN, NY, US").
const HELD = {
  advice: [
    {
      code: 'ready_for_pickup',
      text: '包裹已在 UPS 取件点等您领取。请带上有效证件和运单号前往，注意在保管期限内取走，逾期可能被退回。',
    },
  ],
  as_of: '2026-11-30T19:13:08+00:00',
  delivered_at: null,
  dimensions: {
    height: '10.00',
    length: '30.00',
    unit: 'CM',
    width: '20.00',
  },
  eta: null,
  events: [
    {
      description: '已放到 UPS 取件点，等待收件人自取。',
      location: '美国 纽约州 布鲁克林',
      status: {
        code: 'ready_for_pickup',
        label: '待取件',
      },
      time: '2026-11-30T13:48:09-05:00',
    },
    {
      description: '派送时收件人不在。我们将在下一个工作日再次派送。',
      location: '美国 纽约州 布鲁克林',
      status: {
        code: 'delivery_attempted',
        label: '派送未成功',
      },
      time: '2026-11-30T11:48:09-05:00',
    },
    {
      description: '今天派送中',
      location: '美国 纽约州 纽约',
      status: {
        code: 'out_for_delivery',
        label: '派送中',
      },
      time: '2026-11-30T07:48:09-05:00',
    },
    {
      description: '已到达转运站',
      location: '美国 纽约州 纽约',
      status: {
        code: 'at_facility',
        label: '分拣中',
      },
      time: '2026-11-29T21:48:09-05:00',
    },
    {
      description: '揽收扫描',
      location: '美国 纽约州 纽约',
      status: {
        code: 'shipment_accepted',
        label: '已揽收',
      },
      time: '2026-11-29T17:48:09-05:00',
    },
    {
      description: '发件人已打好运单，UPS 还没有拿到包裹。',
      location: '美国',
      status: {
        code: 'label_created',
        label: '待揽收',
      },
      time: '2026-11-29T12:48:09-05:00',
    },
  ],
  number: '1ZSBXUS10310000097',
  ok: true,
  package_count: 1,
  pickup: {
    access_point: {
      access_point: {
        availability: 'available',
        availability_label: '可寄存取件',
        id: 'U12345605',
      },
      address: '150 COURT ST, BROOKLYN, NY, 11201',
      address_lines: [
        '150 COURT ST',
      ],
      city: 'BROOKLYN',
      closes_at: null,
      country: 'US',
      distance_m: 0,
      gcj02: {
        lat: 40.6902,
        lng: -73.9918,
      },
      hours: [
        {
          closed: false,
          day: 1,
          label: '周一',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 2,
          label: '周二',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 3,
          label: '周三',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 4,
          label: '周四',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 5,
          label: '周五',
          open_24h: false,
          shifts: [
            {
              close: '10:00',
              open: '08:00',
            },
            {
              close: '19:30',
              open: '16:30',
            },
          ],
          text: '08:00-10:00, 16:30-19:30',
        },
        {
          closed: false,
          day: 6,
          label: '周六',
          open_24h: false,
          shifts: [
            {
              close: '12:00',
              open: '09:00',
            },
          ],
          text: '09:00-12:00',
        },
        {
          closed: true,
          day: 7,
          label: '周日',
          open_24h: false,
          shifts: [],
          text: '休息',
        },
      ],
      hours_text: 'Mon-Fri: 8:00am-10:00am, 4:30pm-7:30pm; Sat: 9:00am-12:00pm; Sun: Closed',
      id: 'US0005',
      lat: 40.6902,
      lng: -73.9918,
      name: 'COURT STREET PHARMACY (UPS ACCESS POINT)',
      open_now: false,
      opens_at: {
        day: 1,
        label: '周一',
        time: '16:30',
      },
      phone: '718-555-0150',
      timezone: 'America/New_York',
      type: {
        code: 'access_point',
        label: 'UPS 取件点',
      },
    },
    by: '2026-12-07',
    held_at: {
      address_lines: [
        '150 COURT ST',
      ],
      city: 'BROOKLYN',
      country: 'US',
      postcode: '11201',
      state: 'NY',
      text: '150 COURT ST, BROOKLYN, NY 11201, US',
    },
  },
  received_by: null,
  service: 'UPS 陆运',
  stale: false,
  status: {
    code: 'ready_for_pickup',
    description: '包裹正在 UPS 站点或取件点等您来取，请在保管期内带上证件前往。',
    label: '待取件',
  },
  weight: {
    unit: 'KGS',
    value: '1.45',
  },
}

module.exports = {
  BROOKLYN_AP, BROOKLYN_AP_EN, CANDIDATES, EMPTY, HELD, SHENZHEN,
}
