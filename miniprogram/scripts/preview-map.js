/**
 * A stand-in for WeChat's <map> in previews (it has no HTML rendering): pins placed by their
 * GCJ-02 coordinates inside the bounds of the points the map must show.
 */

function pins(markers, points) {
  const all = points.length ? points : markers
  const lats = all.map((p) => p.latitude)
  const lngs = all.map((p) => p.longitude)
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)]
  const spread = (value, low, high) => (high > low ? (value - low) / (high - low) : 0.5)
  return markers.map((m) => ({
    id: m.id,
    label: String(m.id + 1),
    style: `left: ${10 + 80 * spread(m.longitude, west, east)}%; top: ${10 + 80 * (1 - spread(m.latitude, south, north))}%;`,
  }))
}

/** Registers the <map> stand-in with j-component (preview only). */
function mockMap(jComponent) {
  jComponent.register({
    id: 'map',
    tagName: 'wx-map',
    template: '<view class="mock-map"><view wx:for="{{pins}}" wx:key="id" class="mock-pin" style="{{item.style}}">{{item.label}}</view></view>',
    properties: { markers: { type: Array, value: [] }, includePoints: { type: Array, value: [] } },
    data: { pins: [] },
    observers: {
      'markers, includePoints': function place(markers, points) {
        this.setData({ pins: pins(markers || [], points || []) })
      },
    },
  })
}

const MAP_CSS = `
wx-map { display: block; position: relative; overflow: hidden; }
.mock-map { position: absolute; inset: 0; background: #e8efe6;
  background-image: linear-gradient(#d5e0d2 1px, transparent 1px), linear-gradient(90deg, #d5e0d2 1px, transparent 1px);
  background-size: 32px 32px; }
.mock-pin { position: absolute; width: 22px; height: 22px; margin: -11px 0 0 -11px; border-radius: 50%;
  border: 2px solid #fff; background: #07c160; color: #fff; font: 600 11px/22px sans-serif; text-align: center;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3); }
`

module.exports = { MAP_CSS, mockMap, pins }
