package se.samband.hub.people;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /console/login} on the people port: the console's login form (user name, password, the CSRF token as a
 * hidden field). It posts to the same path, where Spring Security's form login checks the account. The page shows no
 * data of any kind; the console styles it.
 */
@Controller
class ConsoleLoginPage {

    @GetMapping(path = PeopleSecurityConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(CsrfToken csrf, @RequestParam(required = false) String error,
                     @RequestParam(required = false) String logout) {
        String notice = error != null ? "<p class=\"error\" role=\"alert\">Wrong user name or password.</p>"
                : logout != null ? "<p class=\"info\">You have logged out.</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Samband – log in</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body>
                <main>
                <h1>Samband</h1>
                %s
                <form method="post" action="%s">
                <p><label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" required autofocus></p>
                <p><label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required></p>
                <input type="hidden" name="%s" value="%s">
                <p><button type="submit">Log in</button></p>
                </form>
                </main>
                </body>
                </html>
                """.formatted(notice, PeopleSecurityConfiguration.LOGIN_PAGE,
                HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
