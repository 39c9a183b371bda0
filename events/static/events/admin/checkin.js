/* The check-in screen's enhancements: submit without reloading, camera scanning where the
 * browser has BarcodeDetector, live counts by polling, undo of the last check-in.
 * Without JavaScript the page's plain forms do the same with a reload. No user-facing text here:
 * it comes translated from the page (#ci-texts). */
(function () {
    "use strict";

    function data(id) {
        var node = document.getElementById(id);
        return node ? JSON.parse(node.textContent) : {};
    }

    var urls = data("ci-urls");
    var methods = data("ci-methods");
    var texts = data("ci-texts");
    var csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
    var resultBox = document.getElementById("ci-result");
    var undoForm = document.getElementById("ci-undo");
    var codeForm = document.getElementById("ci-code");
    var searchForm = document.getElementById("ci-search");
    var resultsList = document.getElementById("ci-results");
    var POLL_MS = 5000;

    function headers() {
        return {
            "Accept": "application/json",
            "X-Requested-With": "XMLHttpRequest",
            "X-CSRFToken": csrfInput ? csrfInput.value : ""
        };
    }

    function post(url, fields) {
        return fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: headers(),
            body: new URLSearchParams(fields)
        }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        });
    }

    function get(url) {
        return fetch(url, { credentials: "same-origin", headers: headers() }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        });
    }

    function showCounts(counts) {
        if (!counts) { return; }
        Object.keys(counts).forEach(function (key) {
            var node = document.querySelector('[data-count="' + key + '"]');
            if (node) { node.textContent = counts[key]; }
        });
    }

    function show(result) {
        resultBox.textContent = "";
        var line = document.createElement("p");
        line.className = "ci-result ci-result--" + result.result;
        line.textContent = result.message;
        resultBox.appendChild(line);
        showCounts(result.counts);
        // Only a check-in made here can be undone from here; "already" leaves the button as it was.
        if (result.result === "checked_in") {
            undoForm.elements.check_in_id.value = result.check_in_id;
            undoForm.querySelector("[data-undo-name]").textContent = result.name;
            undoForm.hidden = false;
        } else if (result.result === "undone") {
            undoForm.hidden = true;
        }
        if (navigator.vibrate) { navigator.vibrate(result.result === "refused" ? [80, 60, 80] : 60); }
    }

    function failed() {
        show({ result: "refused", message: texts.network_error });
    }

    function checkIn(fields) {
        return post(urls.scan, fields).then(show, failed);
    }

    codeForm.addEventListener("submit", function (event) {
        event.preventDefault();
        var input = codeForm.elements.token;
        var token = input.value.trim();
        if (!token) { return; }
        checkIn({ token: token, method: methods.manual }).then(function () {
            input.value = "";
            input.focus();
        });
    });

    undoForm.addEventListener("submit", function (event) {
        event.preventDefault();
        post(urls.undo, { check_in_id: undoForm.elements.check_in_id.value }).then(show, failed);
    });

    function renderResults(results) {
        resultsList.textContent = "";
        if (!results.length) {
            var empty = document.createElement("li");
            empty.className = "ci-note";
            empty.textContent = texts.no_results;
            resultsList.appendChild(empty);
            return;
        }
        results.forEach(function (person) {
            var item = document.createElement("li");
            var who = document.createElement("div");
            who.className = "ci-person";
            var name = document.createElement("b");
            name.textContent = person.name;
            var meta = document.createElement("small");
            meta.textContent = (person.phone_tail ? "…" + person.phone_tail + " · " : "") +
                person.party_size + " " + texts.persons + " · " + person.status_label;
            who.appendChild(name);
            who.appendChild(meta);
            item.appendChild(who);
            if (person.checked_in) {
                var tag = document.createElement("span");
                tag.className = "ci-tag";
                tag.textContent = texts.checked_in;
                item.appendChild(tag);
            } else if (person.can_check_in) {
                var button = document.createElement("button");
                button.type = "button";
                button.className = "ci-button ci-button--primary";
                button.textContent = texts.check_in;
                button.addEventListener("click", function () {
                    button.disabled = true;
                    checkIn({ registration_id: person.id, method: methods.search }).then(search);
                });
                item.appendChild(button);
            }
            resultsList.appendChild(item);
        });
    }

    function search() {
        var query = searchForm.elements.q.value.trim();
        if (!query) { resultsList.textContent = ""; return Promise.resolve(); }
        return get(urls.search + "?q=" + encodeURIComponent(query)).then(function (body) {
            renderResults(body.results);
        }, failed);
    }

    searchForm.addEventListener("submit", function (event) {
        event.preventDefault();
        search();
    });

    // Live counts: other phones check people in too.
    setInterval(function () {
        if (document.visibilityState === "visible") {
            get(urls.counts).then(showCounts, function () {});
        }
    }, POLL_MS);

    // Camera scanning, where the browser can decode QR codes itself.
    var scanButton = document.getElementById("ci-scan-button");
    var video = document.getElementById("ci-video");
    var note = document.getElementById("ci-scan-note");
    var stream = null;
    var detector = null;
    var lastCode = "";
    var lastAt = 0;
    var busy = false;

    function say(text) {
        note.textContent = text;
        note.hidden = !text;
    }

    function tokenFrom(value) {
        // The QR code holds the code itself, or a link carrying it (?token=… or its last path part).
        var match = /[?&#](?:token|code)=([^&#]+)/i.exec(value);
        if (match) { return decodeURIComponent(match[1]); }
        if (value.indexOf("/") !== -1) {
            var parts = value.split(/[?#]/)[0].split("/").filter(Boolean);
            return parts.length ? parts[parts.length - 1] : value;
        }
        return value;
    }

    function stop() {
        if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
        stream = null;
        video.hidden = true;
        scanButton.textContent = texts.scan;
        say("");
    }

    function tick() {
        if (!stream) { return; }
        if (busy || video.readyState < 2) { setTimeout(tick, 250); return; }
        detector.detect(video).then(function (codes) {
            var value = codes.length ? codes[0].rawValue : "";
            var now = Date.now();
            if (value && !(value === lastCode && now - lastAt < 3000)) {
                lastCode = value;
                lastAt = now;
                busy = true;
                checkIn({ token: tokenFrom(value), method: methods.qr }).then(function () {
                    setTimeout(function () { busy = false; }, 1200);
                });
            }
            setTimeout(tick, 250);
        }, function () { setTimeout(tick, 500); });
    }

    function start() {
        navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (media) {
            stream = media;
            video.srcObject = media;
            video.hidden = false;
            scanButton.textContent = texts.stop_scanning;
            say(texts.scanning);
            return video.play();
        }).then(tick, function () {
            stop();
            say(texts.camera_denied);
        });
    }

    if ("BarcodeDetector" in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
        Promise.resolve(window.BarcodeDetector.getSupportedFormats ? window.BarcodeDetector.getSupportedFormats() : ["qr_code"])
            .then(function (formats) {
                if (formats.indexOf("qr_code") === -1) { say(texts.camera_unavailable); return; }
                detector = new window.BarcodeDetector({ formats: ["qr_code"] });
                scanButton.hidden = false;
                scanButton.addEventListener("click", function () { if (stream) { stop(); } else { start(); } });
            }, function () { say(texts.camera_unavailable); });
    } else {
        say(texts.camera_unavailable);
    }
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden" && stream) { stop(); }
    });
}());
