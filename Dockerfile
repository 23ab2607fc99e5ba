# One image: migrations, then the app on one port (pages, websocket, /health, /metrics, /api).
# Untested here (no Docker engine on the build machines); it runs the same commands as `make run`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    REFLEX_USE_NPM=1 \
    REFLEX_CHECK_LATEST_VERSION=false \
    APP_ENV=production \
    PATH="/app/.venv/bin:${PATH}"

WORKDIR /app
RUN python -m venv /app/.venv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Build the production frontend once, at image build time, so containers start fast.
RUN SECRET_KEY=build-time-only-placeholder-secret-0123456789 APP_ENV=development \
    reflex export --frontend-only --no-zip

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:3000/health').status != 200)"
CMD ["sh", "-c", "python -m mathkallos.cli bootstrap && python -m mathkallos.cli serve"]
