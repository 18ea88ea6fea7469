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

    /* The header's "Menu" on phones: search, account and languages fold
     * behind it; on wider screens the button hides and they show. */
    function setUpSiteMenu() {
        var button = document.querySelector("[data-site-menu]");
        var tools = button && document.getElementById(button.getAttribute("aria-controls"));
        if (!tools) {
            return;
        }
        var phone = window.matchMedia("(max-width: 30rem)");
        function apply() {
            var open = button.getAttribute("aria-expanded") === "true";
            button.hidden = !phone.matches;
            if (phone.matches && !open) {
                tools.setAttribute("data-collapsed", "");
            } else {
                tools.removeAttribute("data-collapsed");
            }
        }
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") === "true";
            button.setAttribute("aria-expanded", open ? "false" : "true");
            apply();
        });
        phone.addEventListener("change", apply);
        apply();
    }

    /* The calendar's filters: folded on phones so the results come first,
     * open beside the results on wide screens. The toggle says how many
     * filters are chosen, and follows the form as the visitor changes it. */
    function chosenFilters(form) {
        var count = 0;
        Array.prototype.forEach.call(form.elements, function (field) {
            if (field.type === "checkbox" || field.type === "radio") {
                count += field.checked ? 1 : 0;
            } else if (field.tagName === "SELECT" || field.type === "date") {
                count += field.value ? 1 : 0;
            }
        });
        return count;
    }

    function setUpFilterPanels() {
        var wide = window.matchMedia("(min-width: 64rem)");
        document.querySelectorAll("[data-filter-panel]").forEach(function (panel) {
            var toggle = panel.querySelector("summary");
            var form = panel.querySelector("form");
            if (wide.matches) {
                panel.open = true;
            }
            form.addEventListener("change", function () {
                var count = chosenFilters(form);
                toggle.textContent = count
                    ? toggle.getAttribute("data-label-active").replace("{number}", count)
                    : toggle.getAttribute("data-label");
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
    setUpFilterPanels();
    setUpSiteMenu();
})();
