/** A coloured chip for a status code (colours in index.wxss, one per code). */
Component({
  properties: {
    // Status code from the API, e.g. "out_for_delivery"; picks the colour.
    code: { type: String, value: 'unknown' },
    // Text shown, already in the user's language (the API's status.label).
    label: { type: String, value: '' },
    // "large" on the detail page header.
    size: { type: String, value: '' },
  },
})
