"""Authentication: passwords, tokens, throttling and sign-in sessions."""
