"""Test doubles shared by the test suites: a fault-injecting fake E-utilities server."""
