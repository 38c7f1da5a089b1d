//! SVG, laid out in-process by `layout-rs` (a layered, Sugiyama-style
//! layout: no Graphviz needed) and drawn by our own backend, so that every
//! piece of text is escaped here, output is byte-identical run after run,
//! and marked nodes carry their rules as a tooltip (`<title>`).
//!
//! layout-rs has no clusters: a node's group is the last line of its label.

use super::escape::xml as esc;
use super::{mark_colors, mark_line, EdgeKind, Graph, Kind};
use crate::finding::Severity;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::fmt::Write;

/// Nodes past which a layout would take too long to be worth waiting for
/// (the layered layout is superlinear); `--focus` or `--max-per-group` make
/// smaller pictures.
pub const MAX_NODES: usize = 1500;

const FONT: usize = 12;
const LEGEND_HEIGHT: f64 = 44.0;

fn fill_of(kind: Kind) -> u32 {
    match kind {
        Kind::Site => 0xf2f2f2,
        Kind::Provider => 0xe8f0fe,
        Kind::Circuit => 0xe6f4ea,
        Kind::Port => 0xfef7e0,
        Kind::Vnet => 0xf3e8fd,
    }
}

fn rgba(rgb: u32) -> Color {
    Color::new((rgb << 8) | 0xff)
}

fn hex(s: &str) -> u32 {
    u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0)
}

/// Draws `graph`, or says why not (too large; a failure of the layout).
pub fn render(graph: &Graph) -> Result<String, String> {
    if graph.nodes.len() > MAX_NODES {
        return Err(format!(
            "the picture has {} entities, more than the {MAX_NODES} an SVG is laid out for; \
             draw the paths of one entity with `--focus KIND:NAME`, or use `--format dot`",
            graph.nodes.len()
        ));
    }
    // layout-rs is not ours: should it panic on some shape of graph, that is
    // an error of this run, not a crash.
    std::panic::catch_unwind(|| draw(graph))
        .map_err(|_| "the SVG layout failed on this design (a bug); use `--format dot`".into())
}

fn draw(graph: &Graph) -> String {
    let dir = Orientation::LeftToRight;
    let mut vg = VisualGraph::new(dir);
    let mut handles = Vec::with_capacity(graph.nodes.len());
    for (i, node) in graph.nodes.iter().enumerate() {
        let mut lines = vec![node.name.clone()];
        lines.extend(node.details.iter().filter(|d| !d.is_empty()).cloned());
        lines.extend(node.mark.as_ref().map(mark_line));
        if let Some(c) = graph.clusters.get(node.cluster) {
            lines.push(format!("[{}]", c.title));
        }
        let text = lines.join("\n");
        let (stroke, width, fill) = match &node.mark {
            Some(m) => {
                let (fill, stroke) = mark_colors(m.severity);
                (hex(stroke), 3, hex(fill))
            }
            None => (0x555555, 1, fill_of(node.kind)),
        };
        let rounded = if node.kind == Kind::Provider { 14 } else { 3 };
        let look = StyleAttr::new(rgba(stroke), width, Some(rgba(fill)), rounded, FONT);
        let shape = ShapeKind::Box(text);
        let size = get_shape_size(dir, &shape, FONT, false);
        let element = Element::create_with_properties(shape, look, dir, size, i.to_string());
        handles.push(vg.add_node(element));
    }
    for e in &graph.edges {
        let (style, start) = match e.kind {
            EdgeKind::Uses => (LineStyleKind::Dashed, LineEndKind::None),
            EdgeKind::GlobalReach => (LineStyleKind::Normal, LineEndKind::Arrow),
            _ => (LineStyleKind::Normal, LineEndKind::None),
        };
        let look = StyleAttr::new(rgba(0x444444), 1, None, 0, FONT - 2);
        let arrow = Arrow::new(
            start,
            LineEndKind::Arrow,
            style,
            &e.label,
            &look,
            &None,
            &None,
        );
        vg.add_edge(arrow, handles[e.from], handles[e.to]);
    }
    let mut canvas = Canvas::new(graph);
    vg.do_it(false, false, false, &mut canvas);
    canvas.finish()
}

/// The backend: collects SVG elements and the picture's extent.
struct Canvas<'g> {
    graph: &'g Graph,
    body: String,
    size: Point,
    paths: usize,
    clips: Vec<String>,
}

impl<'g> Canvas<'g> {
    fn new(graph: &'g Graph) -> Canvas<'g> {
        Canvas {
            graph,
            body: String::new(),
            size: Point::zero(),
            paths: 0,
            clips: Vec::new(),
        }
    }

    fn grow(&mut self, p: Point) {
        self.size.x = self.size.x.max(p.x + 5.0);
        self.size.y = self.size.y.max(p.y + 5.0);
    }

    /// The tooltip of the node whose properties are `props`.
    fn title(&self, props: Option<&str>) -> String {
        let node = props
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|i| self.graph.nodes.get(i));
        match node {
            Some(n) => {
                let mut t = format!("{} {}", n.kind.legend(), n.name);
                if let Some(m) = &n.mark {
                    t.push_str(": ");
                    t.push_str(&mark_line(m));
                }
                format!("<title>{}</title>", esc(&t))
            }
            None => String::new(),
        }
    }

    fn finish(self) -> String {
        let legend = legend();
        let width = self.size.x.max(LEGEND_WIDTH).ceil();
        let height = (self.size.y + LEGEND_HEIGHT).ceil();
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\">"
        );
        out.push_str("<title>erlint topology</title>\n");
        out.push_str(
            "<defs><marker id=\"head\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto-start-reverse\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"#444444\"/></marker></defs>\n",
        );
        for c in &self.clips {
            out.push_str(c);
        }
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
        );
        out.push_str(&legend);
        let _ = writeln!(out, "<g transform=\"translate(0 {LEGEND_HEIGHT})\">");
        out.push_str(&self.body);
        out.push_str("</g>\n</svg>\n");
        out
    }
}

const LEGEND_WIDTH: f64 = 760.0;

/// The strip above the picture: a swatch per kind and per severity.
fn legend() -> String {
    let mut out = String::from("<g class=\"legend\" font-size=\"11\">\n");
    let mut x = 8.0;
    let mut item = |out: &mut String, text: &str, fill: u32, stroke: u32, width: usize| {
        let w = 12.0 + 7.0 * text.len() as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"10\" width=\"{w}\" height=\"22\" rx=\"3\" fill=\"#{fill:06x}\" stroke=\"#{stroke:06x}\" stroke-width=\"{width}\"/><text x=\"{}\" y=\"25\" text-anchor=\"middle\">{}</text>",
            x + w / 2.0,
            esc(text)
        );
        x += w + 8.0;
    };
    for &kind in Kind::ALL {
        item(&mut out, kind.legend(), fill_of(kind), 0x555555, 1);
    }
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let (fill, stroke) = mark_colors(sev);
        item(&mut out, sev.as_str(), hex(fill), hex(stroke), 3);
    }
    out.push_str("</g>\n");
    out
}

fn color(c: &Color) -> String {
    // layout-rs colours are RGBA; SVG 1.1 viewers want RGB and an opacity.
    let web = c.to_web_color();
    let rgb = web.get(..7).unwrap_or("#000000").to_string();
    if web.ends_with("00") && web.len() == 9 {
        "none".into()
    } else {
        rgb
    }
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
        clip: Option<ClipHandle>,
    ) {
        self.grow(xy.add(size));
        let fill = look.fill_color.as_ref().map_or("none".into(), color);
        let clip = clip.map_or(String::new(), |c| format!(" clip-path=\"url(#clip{c})\""));
        let title = self.title(properties.as_deref());
        let _ = writeln!(
            self.body,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\"{clip}>{title}</rect>",
            xy.x,
            xy.y,
            size.x,
            size.y,
            look.rounded,
            color(&look.line_color),
            look.line_width
        );
    }

    fn draw_line(&mut self, start: Point, stop: Point, look: &StyleAttr, _: Option<String>) {
        self.grow(start);
        self.grow(stop);
        let _ = writeln!(
            self.body,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            start.x,
            start.y,
            stop.x,
            stop.y,
            color(&look.line_color),
            look.line_width
        );
    }

    fn draw_circle(&mut self, xy: Point, size: Point, look: &StyleAttr, props: Option<String>) {
        self.grow(xy.add(size.scale(0.5)));
        let fill = look.fill_color.as_ref().map_or("none".into(), color);
        let title = self.title(props.as_deref());
        let _ = writeln!(
            self.body,
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\">{title}</ellipse>",
            xy.x,
            xy.y,
            size.x / 2.0,
            size.y / 2.0,
            color(&look.line_color),
            look.line_width
        );
    }

    fn draw_text(&mut self, xy: Point, text: &str, look: &StyleAttr) {
        let lines: Vec<&str> = text.lines().collect();
        let size = look.font_size as f64;
        let top = xy.y - size * (lines.len() as f64 - 1.0) / 2.0;
        let _ = write!(
            self.body,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{}\" text-anchor=\"middle\" dominant-baseline=\"middle\">",
            xy.x, top, look.font_size
        );
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { size };
            let weight = if i == 0 { " font-weight=\"bold\"" } else { "" };
            let _ = write!(
                self.body,
                "<tspan x=\"{:.1}\" dy=\"{dy}\"{weight}>{}</tspan>",
                xy.x,
                esc(line)
            );
        }
        self.body.push_str("</text>\n");
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        look: &StyleAttr,
        _: Option<String>,
        text: &str,
    ) {
        let (Some(first), Some(second)) = (path.first(), path.get(1)) else {
            return;
        };
        for p in path {
            self.grow(p.0);
            self.grow(p.1);
        }
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            first.0.x,
            first.0.y,
            first.1.x,
            first.1.y,
            second.0.x,
            second.0.y,
            second.1.x,
            second.1.y
        );
        for p in path.iter().skip(2) {
            let _ = write!(d, " S {:.1} {:.1}, {:.1} {:.1}", p.0.x, p.0.y, p.1.x, p.1.y);
        }
        let id = self.paths;
        self.paths += 1;
        let dash = if dashed {
            " stroke-dasharray=\"5,4\""
        } else {
            ""
        };
        let start = if head.0 {
            " marker-start=\"url(#head)\""
        } else {
            ""
        };
        let end = if head.1 {
            " marker-end=\"url(#head)\""
        } else {
            ""
        };
        let _ = writeln!(
            self.body,
            "<path id=\"edge{id}\" d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}{start}{end}/>",
            color(&look.line_color),
            look.line_width
        );
        if !text.is_empty() {
            let _ = writeln!(
                self.body,
                "<text font-size=\"{}\" dy=\"-3\"><textPath href=\"#edge{id}\" startOffset=\"50%\" text-anchor=\"middle\">{}</textPath></text>",
                look.font_size,
                esc(text)
            );
        }
    }

    fn create_clip(&mut self, xy: Point, size: Point, rounded: usize) -> ClipHandle {
        let handle = self.clips.len();
        self.clips.push(format!(
            "<clipPath id=\"clip{handle}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{rounded}\"/></clipPath>\n",
            xy.x, xy.y, size.x, size.y
        ));
        handle
    }
}
