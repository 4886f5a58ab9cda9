"""The preset dictionary of snapshot documents (version 1): text the compressor may refer
back to, so even a short document pays little for its field names and for UPS's standard
wording. Made once from UPS's English scan descriptions in the real-response corpus
(tests/fixtures/ups, least frequent first), the product's status labels and codes, and the
shape of a stored document (its keys, codes and time formats, no real parcel's values).

Never edit it: every stored snapshot written with version 1 needs exactly these bytes to be
read back (tests/unit/test_snapshot_dictionary.py pins its digest). A better dictionary is a
new version beside this one.
"""

ZDICT_V1 = (
    "Origin Scan\n"
    "Drop-Off\n"
    "Loaded on Delivery Vehicle\n"
    "Your package has cleared customs and is on the way.\n"
    "Import Scan\n"
    "Due to operating conditions, your package may be delayed.\n"
    "Severe weather conditions have delayed delivery.\n"
    "UPS® Standard\n"
    "Package is in transit\n"
    "Package arrived at facility\n"
    "UPS Worldwide Express Saver®\n"
    "UPS Waybill Number\n"
    "Preparing for Delivery\n"
    "Your package was released by the customs agency.\n"
    "The package is at the clearing agency awaiting final release.\n"
    "UPS has received the information needed to submit your package for clearance.\n"
    "UPS initiated contact with the sender to obtain clearance information. Once received, UPS will submit for clearance.\n"
    "Your package is on the way\n"
    "Pickup Scan\n"
    "Customs Clearance in Progress\n"
    "UPS Express®\n"
    "Out For Delivery Today\n"
    "Shipper Assigned General\n"
    "On the Way\n"
    "Out for Delivery\n"
    "DELIVERED\n"
    "Shipment Ready for UPS\n"
    "UPS Ground\n"
    "Processing at UPS Facility\n"
    "Your package has been released by the government agency.\n"
    "Your package is pending release from a Government Agency. Once they release it, your package will be on its way.\n"
    "We have your package\n"
    "Delivered\n"
    "Shipper created a label, UPS has not received the package yet.\n"
    "Departed from Facility\n"
    "Arrived at Facility\n"
    "已接受托运\n"
    "运输途中\n"
    "分拣中心\n"
    "清关中\n"
    "清关完成\n"
    "派送中\n"
    "派送尝试\n"
    "包裹送达\n"
    "异常/问题\n"
    "等待收件人\n"
    "已创建运单\n"
    "待取件\n"
    "退回发件人\n"
    "已取消\n"
    "状态未知\n"
    "Shipment Accepted\n"
    "In Transit\n"
    "Arrival at UPS Facility\n"
    "Clearance in Progress\n"
    "Cleared\n"
    "Out for Delivery\n"
    "Delivery Attempted\n"
    "Delivered\n"
    "Exception\n"
    "Awaiting Receiver\n"
    "Label Created\n"
    "Ready for Pickup\n"
    "Returned to Sender\n"
    "Cancelled\n"
    "Unknown\n"
    "shipment_accepted in_transit at_facility clearance_in_progress cleared out_for_delivery delivery_attempted delivered exception awaiting_receiver label_created ready_for_pickup returned_to_sender cancelled unknown\n"
    '{"zh":{"s":{"number":"1Z","status":"in_transit","status_description":"","events":[{"'
    'time":"2026-01-01T00:00:00-05:00","location":", US","description":"","status":"at_fa'
    'cility","ups_code":"AR","ups_status_code":"005"},{"time":"2026-01-01T00:00:00-05:00"'
    ',"location":", US","description":"","status":"in_transit","ups_code":"DP","ups_statu'
    's_code":"005"},{"time":"2026-01-01T00:00:00-05:00","location":", US","description":"'
    '","status":"out_for_delivery","ups_code":"OT","ups_status_code":"021"},{"time":"2026'
    '-01-01T00:00:00-05:00","location":", US","description":"","status":"delivered","ups_'
    'code":"FS","ups_status_code":"011"},{"time":"2026-01-01T00:00:00-05:00","location":"'
    ', US","description":"","status":"label_created","ups_code":"MP","ups_status_code":"0'
    '03"}],"eta":{"date":"2026-01-01","start":"09:00","end":"12:00","kind":"window","resc'
    'heduled":false},"delivered_at":"2026-01-01T00:00:00","weight":{"value":"1.00","unit"'
    ':"KGS"},"dimensions":{"length":"1.00","width":"1.00","height":"1.00","unit":"IN"},"s'
    'ervice":"UPS Ground","package_count":1,"alternate_numbers":[],"origin_country":"US",'
    '"destination_country":"CN","additional_services":[],"origin_address":{"city":"","sta'
    'te":"","country":"US"},"destination_address":{"city":"","state":"","country":"CN"}},'
    '"f":1700000000,"u":1700000000},"en":{"s":{"number":"1Z","status":"in_transit","statu'
    's_description":"","events":[{"time":"2026-01-01T00:00:00-05:00","location":", US","d'
    'escription":"","status":"at_facility","ups_code":"AR","ups_status_code":"005"},{"tim'
    'e":"2026-01-01T00:00:00-05:00","location":", US","description":"","status":"in_trans'
    'it","ups_code":"DP","ups_status_code":"005"},{"time":"2026-01-01T00:00:00-05:00","lo'
    'cation":", US","description":"","status":"out_for_delivery","ups_code":"OT","ups_sta'
    'tus_code":"021"},{"time":"2026-01-01T00:00:00-05:00","location":", US","description"'
    ':"","status":"delivered","ups_code":"FS","ups_status_code":"011"},{"time":"2026-01-0'
    '1T00:00:00-05:00","location":", US","description":"","status":"label_created","ups_c'
    'ode":"MP","ups_status_code":"003"}],"eta":{"date":"2026-01-01","start":"09:00","end"'
    ':"12:00","kind":"window","rescheduled":false},"delivered_at":"2026-01-01T00:00:00","'
    'weight":{"value":"1.00","unit":"KGS"},"dimensions":{"length":"1.00","width":"1.00","'
    'height":"1.00","unit":"IN"},"service":"UPS Ground","package_count":1,"alternate_numb'
    'ers":[],"origin_country":"US","destination_country":"CN","additional_services":[],"o'
    'rigin_address":{"city":"","state":"","country":"US"},"destination_address":{"city":"'
    '","state":"","country":"CN"}},"f":1700000000,"u":1700000000}}'
).encode()
