"""newsindex test suite."""
