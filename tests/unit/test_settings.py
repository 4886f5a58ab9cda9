"""Settings read from the environment and validated at start-up."""

import pytest

from backend.settings import Settings, SettingsError

PRODUCTION = {
    "SECRET_KEY": "a-long-enough-secret-key",
    "UPS_CLIENT_ID": "id",
    "UPS_CLIENT_SECRET": "secret",
    "WECHAT_APPID": "wx1234",
    "WECHAT_SECRET": "wxsecret",
}


def test_missing_credentials_mean_sandbox_mode_with_sandbox_urls():
    settings = Settings.from_env({"PORT": "8123"})
    assert settings.sandbox is True
    assert settings.ups_base_url == "http://127.0.0.1:8123/_sandbox/ups"
    assert settings.wechat_api_base_url == "http://127.0.0.1:8123/_sandbox/wechat"
    assert settings.secret_key  # a sandbox default, never needed from the operator
    assert settings.poll_interval_scale < 1


def test_full_credentials_mean_production_with_real_hosts():
    settings = Settings.from_env(PRODUCTION)
    assert settings.sandbox is False
    assert settings.ups_base_url == "https://onlinetools.ups.com"
    assert settings.wechat_api_base_url == "https://api.weixin.qq.com"
    assert settings.poll_interval_scale == 1


def test_missing_secret_key_outside_sandbox_is_a_clear_error():
    env = dict(PRODUCTION, SECRET_KEY="")
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        Settings.from_env(env)


def test_sandbox_zero_without_credentials_names_every_missing_variable():
    with pytest.raises(SettingsError) as error:
        Settings.from_env({"SANDBOX": "0"})
    for name in ("SECRET_KEY", "UPS_CLIENT_ID", "WECHAT_SECRET"):
        assert name in str(error.value)


def test_short_secret_key_is_rejected():
    with pytest.raises(SettingsError, match="16"):
        Settings.from_env(dict(PRODUCTION, SECRET_KEY="short"))


@pytest.mark.parametrize("value", ["abc", "-1", "0"])
def test_bad_numbers_are_rejected(value):
    with pytest.raises(SettingsError, match="POLL_INTERVAL_SCALE"):
        Settings.from_env({"POLL_INTERVAL_SCALE": value})


@pytest.mark.parametrize(
    "dropped", ["UPS_CLIENT_ID", "UPS_CLIENT_SECRET", "WECHAT_APPID", "WECHAT_SECRET"]
)
def test_one_missing_credential_is_a_configuration_error_not_sandbox_mode(dropped):
    env = {name: value for name, value in PRODUCTION.items() if name != dropped}
    with pytest.raises(SettingsError) as error:
        Settings.from_env(env)
    assert dropped in str(error.value) and "SANDBOX=1" in str(error.value)
    assert "\n" not in str(error.value)
    assert Settings.from_env(dict(env, SANDBOX="1")).sandbox is True  # on purpose: allowed


def test_only_ups_credentials_name_both_missing_wechat_ones():
    env = {"UPS_CLIENT_ID": "id", "UPS_CLIENT_SECRET": "secret", "SECRET_KEY": "x" * 20}
    with pytest.raises(SettingsError, match="WECHAT_APPID, WECHAT_SECRET are missing"):
        Settings.from_env(env)


def test_sandbox_flag_forces_sandboxes_even_with_credentials():
    settings = Settings.from_env(dict(PRODUCTION, SANDBOX="1"))
    assert settings.sandbox is True
    assert "/_sandbox/ups" in settings.ups_base_url
    assert settings.ups_client_id == "id"


def test_miniprogram_state_is_read_and_checked():
    assert Settings.from_env({}).miniprogram_state == "formal"
    assert Settings.from_env({"MINIPROGRAM_STATE": "Trial"}).miniprogram_state == "trial"
    with pytest.raises(SettingsError, match="MINIPROGRAM_STATE"):
        Settings.from_env({"MINIPROGRAM_STATE": "beta"})


def test_operator_name_and_the_unofficial_notice_switch():
    assert Settings.from_env({}).operator_name == ""
    assert Settings.from_env({}).unofficial_notice is True
    custom = Settings.from_env(
        {"OPERATOR_NAME": " 示例物流科技有限公司 ", "UNOFFICIAL_NOTICE": "off"}
    )
    assert custom.operator_name == "示例物流科技有限公司"
    assert custom.unofficial_notice is False


def test_the_fan_out_job_size_is_read_and_checked():
    assert Settings.from_env({}).fanout_job_size == 500
    assert Settings.from_env({"FANOUT_JOB_SIZE": "200"}).fanout_job_size == 200
    with pytest.raises(SettingsError, match="FANOUT_JOB_SIZE"):
        Settings.from_env({"FANOUT_JOB_SIZE": "0"})


def test_push_window_and_trusted_proxies_are_read_and_checked():
    settings = Settings.from_env({"PUSH_MAX_AGE_MINUTES": "10", "TRUSTED_PROXIES": "1"})
    assert settings.push_max_age_minutes == 10 and settings.trusted_proxies == 1
    defaults = Settings.from_env({})
    assert defaults.push_max_age_minutes == 5 and defaults.trusted_proxies == 0
    for bad in (
        {"TRUSTED_PROXIES": "-1"},
        {"TRUSTED_PROXIES": "one"},
        {"PUSH_MAX_AGE_MINUTES": "0"},
    ):
        with pytest.raises(SettingsError):
            Settings.from_env(bad)


def test_track_alert_type_is_enhanced_unless_told_standard():
    assert Settings.from_env({}).track_alert_type == "enhanced"
    assert Settings.from_env({"TRACK_ALERT_TYPE": "Standard"}).track_alert_type == "standard"
    with pytest.raises(SettingsError, match="TRACK_ALERT_TYPE"):
        Settings.from_env({"TRACK_ALERT_TYPE": "photo"})
