import "./app.css";
document.getElementById("app")!.textContent = "saqme";
