"""UPS 包裹追踪 backend: Flask API, RQ worker and the UPS/WeChat sandboxes."""
