require('../helpers/wx')
const { loadComponent, mount } = require('../helpers/simulate')

const id = loadComponent('status-badge')

test('renders the label with a colour class per status code', () => {
  const badge = mount(id, { code: 'delivered', label: '已签收' })
  const node = badge.querySelector('.badge')
  expect(node.dom.textContent).toBe('已签收')
  expect(node.dom.className).toContain('status-badge--badge-delivered')
  expect(badge.toJSON()).toMatchSnapshot()
})

test('large size and unknown code', () => {
  const badge = mount(id, { code: '', label: '?', size: 'large' })
  const { className } = badge.querySelector('.badge').dom
  expect(className).toContain('status-badge--badge-unknown')
  expect(className).toContain('status-badge--badge-large')
})

test('every status code of the API has a colour rule', () => {
  const fs = require('fs') // eslint-disable-line global-require
  const path = require('path') // eslint-disable-line global-require
  const css = fs.readFileSync(path.join(__dirname, '../../components/status-badge/index.wxss'), 'utf8')
  const codes = ['shipment_accepted', 'in_transit', 'at_facility', 'clearance_in_progress', 'cleared',
    'out_for_delivery', 'delivery_attempted', 'delivered', 'exception', 'awaiting_receiver', 'label_created',
    'ready_for_pickup', 'returned_to_sender', 'cancelled', 'unknown']
  codes.forEach((code) => expect(css).toContain(`.badge-${code}`))
})
