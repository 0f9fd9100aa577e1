package dev.vestibule.adapters.web.layout;

import dev.vestibule.adapters.web.session.SignedInUser;

/** What the navigation shows of the signed-in user. */
record CurrentUserView(String username) {

    static CurrentUserView from(SignedInUser user) {
        return new CurrentUserView(user.username());
    }
}
