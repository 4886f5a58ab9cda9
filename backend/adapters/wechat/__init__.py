"""WeChat adapter: code2Session login, the API client (wechatpy), and message-push parsing."""
