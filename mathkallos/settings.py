"""One typed settings object read from the environment (and an optional `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-secret-change-me-this-is-not-a-secret"  # noqa: S105 - refused in prod


def default_database_url() -> str:
    """SQLite file under `data/`: the embedded default a newcomer needs nothing for."""
    return f"sqlite:///{PROJECT_ROOT / 'data' / 'mathkallos.db'}"


class Settings(BaseSettings):
    """Every knob of the app; names match the environment variables (case-insensitive)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_env: Literal["development", "production", "test"] = "development"
    database_url: str = Field(default_factory=default_database_url)
    secret_key: str = DEV_SECRET_KEY
    frontend_port: int = 3000
    backend_port: int = 8000
    public_url: str = "http://localhost:3000"
    redis_url: str | None = None
    database_threads: int = Field(default=0, ge=0)
    log_level: str = "INFO"
    log_json: bool = True

    password_hash_memory_kib: int = 65536
    password_hash_rounds: int = 3
    access_token_minutes: int = 15
    refresh_token_days: int = 30

    ai_provider: Literal["builtin", "openai"] = "builtin"
    openai_base_url: str | None = None
    openai_api_key: str | None = None
    ai_model: str = "gpt-4o-mini"
    ai_fallback_models: str = ""
    ai_timeout_seconds: float = 30.0

    load_demo_content: bool = True
    exam_sweep_seconds: float = Field(default=15.0, gt=0)

    @model_validator(mode="after")
    def _refuse_dev_secret_in_production(self) -> Settings:
        if self.app_env == "production" and self.secret_key == DEV_SECRET_KEY:
            raise ValueError(
                "SECRET_KEY is the development default; set a long random SECRET_KEY "
                "before running with APP_ENV=production."
            )
        if self.app_env == "production" and len(self.secret_key) < 32:
            raise ValueError("SECRET_KEY must be at least 32 characters in production.")
        if self.app_env == "production" and self.password_hash_memory_kib < 19456:
            raise ValueError("PASSWORD_HASH_MEMORY_KIB below 19456 is too weak for production.")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def database_thread_count(self) -> int:
        """Threads for database work off the event loop. SQLite in this process does not gain
        from many: they only take turns at the interpreter lock and its one writer, and each
        turn costs CPU (300 students starting an exam at once took a fifth more CPU on 6
        threads than on 2). A server database waits on the network, so more threads help."""
        return self.database_threads or (2 if self.is_sqlite else 8)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache after changing the environment."""
    return Settings()
