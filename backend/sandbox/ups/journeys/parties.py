"""Made-up shippers, receivers and services for the sandbox parcels (all names fictional)."""

from __future__ import annotations

from backend.sandbox.ups.journeys import places as p
from backend.sandbox.ups.journeys.base import Party, Service

GROUND = Service("518", "011", "UPS Ground", "UPS 陆运")
NEXT_DAY_AIR = Service("501", "001", "UPS Next Day Air®", "UPS 次日达®")
WORLDWIDE_EXPRESS = Service("554", "007", "UPS Worldwide Express®", "UPS 全球特快®")
WORLDWIDE_SAVER = Service("565", "065", "UPS Worldwide Saver®", "UPS 全球速快®")

# Shippers
OUTDOOR_SHOP = Party("SIERRA TRAIL OUTFITTERS", "4100 E MISSION BLVD", p.ONTARIO)
BOOK_SHOP = Party("HUDSON PAGES LLC", "221 W 37TH ST", p.NEW_YORK)
SHENZHEN_FACTORY = Party("SHENZHEN BRIGHTLEAF ELECTRONICS CO LTD", "88 KEJI SOUTH RD", p.SHENZHEN)
GUANGZHOU_TRADER = Party("GUANGZHOU MINGHE TRADING CO", "12 HUANSHI EAST RD", p.GUANGZHOU)
US_VITAMINS = Party("GREENWAY NUTRITION INC", "1500 GATEWAY BLVD", p.SEATTLE)
US_PARTS = Party("KESTREL MACHINE PARTS", "780 INDUSTRIAL PKWY", p.ATLANTA)

# Receivers
RECEIVER_NJ = Party("EMILY CARTER", "15 MAPLE AVE", p.PARAMUS)
RECEIVER_NY = Party("DANIEL ROSS", "350 5TH AVE", p.NEW_YORK, street2="APT 12B")
RECEIVER_BROOKLYN = Party("MARIA LOPEZ", "89 COURT ST", p.BROOKLYN)
RECEIVER_LA = Party("KEVIN NGUYEN", "610 S MAIN ST", p.LOS_ANGELES)
RECEIVER_SH = Party("LI NA", "1000 LUJIAZUI RING RD", p.SHANGHAI, street2="ROOM 2305")
RECEIVER_BJ = Party("ZHANG WEI", "10 JIANGUOMENWAI AVE", p.BEIJING)
RECEIVER_PRIVATE = Party(
    "CHEN JING", "66 CHAOYANG NORTH RD", p.BEIJING, attention="CHEN JING", street2="BLDG 3 UNIT 502"
)
