// Passkey ceremonies for Vestibule (WebAuthn Level 3). Self-hosted, no dependencies, no inline code: it fits the
// Content-Security-Policy (script-src 'self'). Every passkey control is rendered hidden and shown here only when the
// browser can do WebAuthn with JSON options, so without this script (or without WebAuthn) the pages work as before
// with password and authenticator codes.
(function () {
    "use strict";

    var webAuthn = typeof window.PublicKeyCredential === "function"
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

    // The CSRF token of the page's forms, sent in the header the server's CSRF filter reads.
    function csrfToken() {
        var input = document.querySelector('input[name="_csrf"]');
        return input ? input.value : "";
    }

    function post(url, body) {
        return fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: {
                "Content-Type": "application/json",
                "Accept": "application/json",
                "X-CSRF-TOKEN": csrfToken()
            },
            body: JSON.stringify(body || {})
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (data) {
                return { ok: response.ok, status: response.status, data: data };
            });
        });
    }

    function statusOf(form) {
        return form.querySelector(".passkey-status");
    }

    function say(form, message) {
        var status = statusOf(form);
        if (status) {
            status.textContent = message;
            status.hidden = false;
        }
    }

    function clear(form) {
        var status = statusOf(form);
        if (status) {
            status.hidden = true;
            status.textContent = "";
        }
    }

    // What the browser's own failures mean to the user: a cancelled prompt is not an error of theirs.
    function failed(form, error) {
        if (error && (error.name === "NotAllowedError" || error.name === "AbortError")) {
            say(form, form.dataset.cancelled || "");
        } else {
            say(form, form.dataset.failed || "");
        }
    }

    // Follows a server answer: its redirect, or its message.
    function follow(form, answer) {
        if (answer.ok && answer.data.redirect) {
            window.location.assign(answer.data.redirect);
            return;
        }
        say(form, answer.data.message || form.dataset.failed || "");
    }

    function busy(form, on) {
        var buttons = form.querySelectorAll("button");
        for (var i = 0; i < buttons.length; i++) {
            buttons[i].disabled = on;
        }
    }

    // --- the account's "Add a passkey" ---
    function setUpRegistration(form) {
        form.hidden = false;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            clear(form);
            busy(form, true);
            var password = form.querySelector('input[name="current-password"]');
            var name = form.querySelector('input[name="name"]');
            post("/account/passkeys/registration/options", { currentPassword: password ? password.value : "" })
                .then(function (answer) {
                    if (!answer.ok) {
                        follow(form, answer);
                        return null;
                    }
                    var options = PublicKeyCredential.parseCreationOptionsFromJSON(answer.data);
                    return navigator.credentials.create({ publicKey: options }).then(function (credential) {
                        return post("/account/passkeys/registration", {
                            credential: credential.toJSON(),
                            name: name ? name.value : ""
                        }).then(function (result) { follow(form, result); });
                    });
                })
                .catch(function (error) { failed(form, error); })
                .finally(function () { busy(form, false); });
        });
    }

    // --- signing in: the login page's button, its autofill, and the second step ---
    var conditional = null;

    function signIn(form, optionsUrl, finishUrl, extra, mediation) {
        return post(optionsUrl, {}).then(function (answer) {
            if (!answer.ok) {
                follow(form, answer);
                return null;
            }
            var request = { publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(answer.data) };
            if (mediation) {
                conditional = new AbortController();
                request.mediation = mediation;
                request.signal = conditional.signal;
            }
            return navigator.credentials.get(request).then(function (credential) {
                var body = extra();
                body.credential = credential.toJSON();
                return post(finishUrl, body).then(function (result) { follow(form, result); });
            });
        });
    }

    function loginExtras() {
        var next = document.querySelector('form[action="/login"] input[name="next"]');
        var remember = document.getElementById("remember-me");
        return { next: next ? next.value : "", rememberMe: !!(remember && remember.checked) };
    }

    function setUpSignIn(form) {
        form.hidden = false;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            clear(form);
            if (conditional) {
                // The autofill request is still waiting: the button's own request replaces it.
                conditional.abort();
                conditional = null;
            }
            busy(form, true);
            signIn(form, "/login/passkey/options", "/login/passkey", loginExtras, null)
                .catch(function (error) { failed(form, error); })
                .finally(function () { busy(form, false); });
        });
        // Passkey autofill: the browser offers passkeys in the username field's suggestions.
        if (document.querySelector('input[autocomplete~="webauthn"]')
                && typeof PublicKeyCredential.isConditionalMediationAvailable === "function") {
            PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
                if (available) {
                    signIn(form, "/login/passkey/options", "/login/passkey", loginExtras, "conditional")
                        .catch(function (error) {
                            if (!error || error.name !== "AbortError") {
                                failed(form, error);
                            }
                        });
                }
            });
        }
    }

    function setUpSecondStep(form) {
        form.hidden = false;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            clear(form);
            busy(form, true);
            signIn(form, "/login/two-factor/passkey-options", "/login/two-factor/passkey",
                function () { return {}; }, null)
                .catch(function (error) { failed(form, error); })
                .finally(function () { busy(form, false); });
        });
    }

    function start() {
        if (!webAuthn) {
            return;
        }
        var add = document.getElementById("passkey-add");
        if (add) {
            setUpRegistration(add);
        }
        var login = document.getElementById("passkey-sign-in");
        if (login) {
            setUpSignIn(login);
        }
        var second = document.getElementById("passkey-second-step");
        if (second) {
            setUpSecondStep(second);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
