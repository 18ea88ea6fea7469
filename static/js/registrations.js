/* Registration form: show only as many child-age inputs as children chosen.
 * Without JS all inputs stay visible and the server checks the ages. */
(function () {
    "use strict";

    function update(fieldset) {
        var select = fieldset.querySelector("select");
        var count = parseInt(select.value, 10) || 0;
        fieldset.querySelectorAll("[data-child-age]").forEach(function (input) {
            var wrapper = input.closest(".field");
            var number = parseInt(input.getAttribute("data-child-age"), 10);
            wrapper.hidden = number > count;
        });
    }

    document.querySelectorAll("[data-children]").forEach(function (fieldset) {
        var select = fieldset.querySelector("select");
        if (!select) {
            return;
        }
        select.addEventListener("change", function () {
            update(fieldset);
        });
        update(fieldset);
    });
})();
