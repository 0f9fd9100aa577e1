/** The page that needs a login (Flask-Login's @login_required example). */
package dev.vestibule.adapters.web.secret;
