/* global document */
import { createRoot } from "react-dom/client";
import { EngineClient } from "./client";
import { WebApp } from "./components/WebApp";

const root = document.getElementById("root");
if (root) createRoot(root).render(<WebApp engine={new EngineClient()} />);
