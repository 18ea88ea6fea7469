/* Mitmachportal – small progressive enhancements, no framework.
 * Loaded with `defer`; every feature works (or degrades to a plain link)
 * without it. No inline scripts or handlers, so a strict CSP can apply. */
(function () {
    "use strict";

    /* Click-to-load embeds: nothing is requested from the provider until
     * the visitor presses the button. */
    function loadEmbed(button) {
        var container = button.closest("[data-embed-container]");
        var iframe = document.createElement("iframe");
        iframe.src = button.getAttribute("data-embed-url");
        iframe.title = button.getAttribute("data-embed-title") || "";
        iframe.allow = "fullscreen; picture-in-picture";
        iframe.setAttribute("allowfullscreen", "");
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        if (container) {
            container.replaceChildren(iframe);
            container.classList.add("block-media__frame--loaded");
        } else {
            button.replaceWith(iframe);
        }
        iframe.focus();
    }

    /* The print button of the briefing handout. */
    function setUpPrintButtons() {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
                window.print();
            });
        });
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-embed-url]");
        if (button) {
            event.preventDefault();
            loadEmbed(button);
        }
    });

    setUpPrintButtons();
})();
