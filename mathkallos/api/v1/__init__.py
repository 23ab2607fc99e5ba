"""Version 1 of the REST API (`/api/v1/...`): one router module per resource."""
