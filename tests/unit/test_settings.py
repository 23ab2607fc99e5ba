import pytest
from pydantic import ValidationError

from mathkallos.settings import DEV_SECRET_KEY, Settings


def test_production_refuses_the_development_secret():
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(app_env="production", secret_key=DEV_SECRET_KEY)


def test_production_refuses_a_short_secret():
    with pytest.raises(ValidationError, match="32 characters"):
        Settings(app_env="production", secret_key="short")


def test_production_starts_with_a_real_secret_and_strong_hashing():
    settings = Settings(app_env="production", secret_key="x" * 48, password_hash_memory_kib=65536)
    assert settings.secret_key == "x" * 48


def test_production_refuses_weak_password_hashing():
    with pytest.raises(ValidationError, match="PASSWORD_HASH_MEMORY_KIB"):
        Settings(app_env="production", secret_key="x" * 48, password_hash_memory_kib=1024)


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@db/mk")
    monkeypatch.setenv("FRONTEND_PORT", "3100")
    settings = Settings()
    assert settings.database_url == "postgresql+psycopg://u@db/mk"
    assert settings.frontend_port == 3100
    assert not settings.is_sqlite


def test_default_database_is_a_sqlite_file_under_data(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings(_env_file=None)
    assert settings.is_sqlite
    assert settings.database_url.endswith("/data/mathkallos.db")
