package dev.vestibule.adapters.web.login;

/** What the login template sees: the name to fill in again and where to go afterwards. */
record LoginView(String username, String next) {}
