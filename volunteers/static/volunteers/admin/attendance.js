/* The attendance screen's enhancements: the shift's code refreshes by itself, and a volunteer
 * card's QR code can be scanned with the camera where the browser has BarcodeDetector (the
 * number is then submitted for check-in). Without JavaScript the plain forms do everything.
 * No user-facing text here: it comes translated from the page (#va-texts). */
(function () {
    "use strict";

    function data(id) {
        var node = document.getElementById(id);
        return node ? JSON.parse(node.textContent) : {};
    }

    var urls = data("va-urls");
    var texts = data("va-texts");
    var codeNode = document.getElementById("va-code");
    var secondsNode = document.getElementById("va-seconds");
    var seconds = parseInt(secondsNode.textContent, 10) || 0;

    function refreshCode() {
        fetch(urls.code, { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (body) {
                if (!body) { return; }
                codeNode.textContent = body.code;
                seconds = body.seconds_left;
            })
            .catch(function () { /* keep the old code; the next tick tries again */ });
    }

    setInterval(function () {
        seconds -= 1;
        if (seconds <= 0) { refreshCode(); seconds = 5; }
        secondsNode.textContent = Math.max(seconds, 0);
    }, 1000);

    var button = document.getElementById("va-scan-button");
    var video = document.getElementById("va-video");
    var note = document.getElementById("va-scan-note");
    var form = document.getElementById("va-number");
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
    button.hidden = false;
    var stream = null;

    function stop() {
        if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
        stream = null;
        video.hidden = true;
        button.textContent = texts.scan;
    }

    button.addEventListener("click", function () {
        if (stream) { stop(); return; }
        var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (media) {
            stream = media;
            video.srcObject = media;
            video.hidden = false;
            button.textContent = texts.stop_scanning;
            video.play();
            (function look() {
                if (!stream) { return; }
                detector.detect(video).then(function (codes) {
                    if (codes.length) {
                        form.elements.number.value = codes[0].rawValue;
                        stop();
                        form.submit();
                    } else {
                        requestAnimationFrame(look);
                    }
                }, function () { requestAnimationFrame(look); });
            })();
        }, function () {
            note.textContent = texts.camera_unavailable;
            note.hidden = false;
        });
    });
})();
