#!/usr/bin/env python3
"""A frame client in another language, for sockets.step3.FrameServer (step 3's README,
"Byte order and other languages"). Each message goes out as a frame - a 4-byte length in
network byte order, then its UTF-8 bytes - and each reply frame is read the same way.

    python3 peers/frames.py HOST PORT MESSAGE...
    python3 peers/frames.py --little-endian HOST PORT MESSAGE...   (the mistake, on purpose)
"""
import socket
import struct
import sys

USAGE = "usage: frames.py [--little-endian] HOST PORT MESSAGE..."


# tag::frames[]
def send_frame(sock, payload, order="!I"):
    # "!I": network byte order (big-endian), unsigned 32 bits,
    # what Java's writeInt sends. "<I" is little-endian: what
    # a C program on x86 sends when it forgets htonl().
    sock.sendall(struct.pack(order, len(payload)) + payload)


def receive_frame(sock):
    (length,) = struct.unpack("!I", read_exactly(sock, 4))
    return read_exactly(sock, length)


def read_exactly(sock, count):
    # Java's readFully: recv() returns what has arrived so far.
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise EOFError("the server closed the connection")
        data += chunk
    return data
# end::frames[]


def main(args):
    order = "!I"
    if args[:1] == ["--little-endian"]:
        order, args = "<I", args[1:]
    if len(args) < 3 or not args[1].isdigit():
        print(USAGE, file=sys.stderr)
        return 2
    host, port, messages = args[0], int(args[1]), args[2:]
    try:
        # create_connection tries every address of the name in turn, as step 2's Connector does.
        with socket.create_connection((host, port), timeout=5) as sock:
            for message in messages:
                payload = message.encode("utf-8")
                send_frame(sock, payload, order)
                reply = receive_frame(sock).decode("utf-8", errors="replace")
                print(f"sent {len(payload)} bytes, got back: {reply}")
            sock.shutdown(socket.SHUT_WR)  # half-close: that was all
            sock.recv(1)  # b"": the server has closed its side too
    except (OSError, EOFError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
